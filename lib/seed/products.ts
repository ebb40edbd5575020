// The demo catalogue: about 1,200 products in eight categories. Every kind of product (a cable, a laptop,
// a loaf) has its own shelf-price range, and its names are built from words that fit its subcategory, so
// a cable costs what a cable costs and a laptop is never "Organic".
import { streamFor } from './random';

/** A kind of product and its shelf-price range in dollars. */
export interface ProductKind {
  noun: string;
  price: [number, number];
}

export interface SubcategoryProfile {
  kinds: ProductKind[];
  /** Words that may follow the brand ('' for none): flavours, colours, models, pack sizes that fit. */
  variants: string[];
}

export interface CategoryProfile {
  name: string;
  products: number;
  /** Share of basket lines relative to other categories. */
  demand: number;
  /** Unit cost as a share of the price. */
  costShare: [number, number];
  /** Bought one at a time (durables) rather than in multiples (consumables). */
  durable: boolean;
  /**
   * How strongly dearer products of the category sell less often: popularity falls as (price / the
   * category's cheapest kind) to this power. Steep for durables (many cables sell for each television).
   */
  priceAversion: number;
  /** Demand factor per calendar month, January first. */
  seasonality: number[];
  brands: string[];
  subcategories: Record<string, SubcategoryProfile>;
}

const kinds = (...list: [string, number, number][]): ProductKind[] => list.map(([noun, low, high]) => ({ noun, price: [low, high] }));

export const CATEGORIES: CategoryProfile[] = [
  {
    name: 'Grocery', products: 260, demand: 26, costShare: [0.6, 0.8], durable: false, priceAversion: 0.15,
    seasonality: [1, 0.97, 1, 1, 1, 0.98, 0.98, 1, 1, 1.02, 1.12, 1.18],
    brands: ['Harvest Table', 'Golden Pantry', 'Nature\'s Cupboard', 'Blue Ridge', 'Sunny Acres', 'ValuePlus'],
    subcategories: {
      Pantry: {
        kinds: kinds(['Pasta', 1.29, 3.99], ['Long Grain Rice', 2.49, 8.99], ['Extra Virgin Olive Oil', 5.99, 16.99],
          ['Tomato Sauce', 1.79, 5.49], ['Peanut Butter', 2.99, 6.99], ['Clover Honey', 4.99, 12.99]),
        variants: ['', 'Organic ', 'Classic ', 'Family Size ', 'Value Pack '],
      },
      Snacks: {
        kinds: kinds(['Potato Chips', 2.99, 5.49], ['Pretzels', 2.49, 4.99], ['Trail Mix', 4.99, 9.99],
          ['Granola Bars', 3.49, 6.99], ['Popcorn', 2.99, 5.99], ['Crackers', 2.49, 4.99]),
        variants: ['', 'Sea Salt ', 'Original ', 'Party Size ', 'Multipack '],
      },
      Breakfast: {
        kinds: kinds(['Oat Cereal', 3.49, 6.49], ['Granola', 4.49, 7.99], ['Pancake Mix', 2.99, 5.49],
          ['Maple Syrup', 6.99, 14.99], ['Instant Oatmeal', 3.49, 5.99]),
        variants: ['', 'Organic ', 'Original ', 'Honey ', 'Family Size '],
      },
      'Canned Goods': {
        kinds: kinds(['Black Beans', 0.99, 2.49], ['Chickpeas', 0.99, 2.49], ['Tuna', 1.49, 4.99],
          ['Sweet Corn', 0.99, 2.29], ['Chicken Noodle Soup', 1.99, 3.99]),
        variants: ['', 'Organic ', 'Low Sodium ', 'Classic ', '4-Pack '],
      },
      Baking: {
        kinds: kinds(['All-Purpose Flour', 2.99, 6.99], ['Cane Sugar', 2.99, 5.99], ['Baking Soda', 0.99, 2.49],
          ['Chocolate Chips', 3.49, 5.99], ['Vanilla Extract', 4.99, 12.99]),
        variants: ['', 'Organic ', 'Pure ', 'Baker\'s ', 'Value Size '],
      },
    },
  },
  {
    name: 'Fresh', products: 180, demand: 22, costShare: [0.55, 0.75], durable: false, priceAversion: 0.15,
    seasonality: [0.97, 0.97, 1, 1, 1.02, 1.04, 1.05, 1.04, 1, 0.99, 1.05, 1.1],
    brands: ['Green Valley', 'Farmhouse', 'Coastal Catch', 'Daily Dairy', 'Stone Oven', 'Orchard Fresh'],
    subcategories: {
      Produce: {
        kinds: kinds(['Bananas', 1.29, 2.99], ['Gala Apples 3 lb', 3.99, 6.99], ['Avocados 4-Pack', 3.99, 6.49],
          ['Baby Spinach', 2.99, 5.49], ['Strawberries 1 lb', 2.99, 5.99], ['Vine Tomatoes', 2.49, 4.99]),
        variants: ['', 'Organic ', 'Local '],
      },
      Dairy: {
        kinds: kinds(['Whole Milk 1 gal', 3.29, 5.49], ['Greek Yogurt', 1.29, 6.99], ['Sharp Cheddar', 3.99, 8.99],
          ['Salted Butter', 3.99, 6.99], ['Free-Range Eggs 12 ct', 3.99, 7.99]),
        variants: ['', 'Organic ', 'Grass-Fed ', 'Local '],
      },
      Bakery: {
        kinds: kinds(['Sourdough Loaf', 4.49, 7.99], ['Bagels 6 ct', 3.49, 5.99], ['Butter Croissants', 3.99, 7.99],
          ['Whole Wheat Bread', 2.99, 5.49], ['Blueberry Muffins', 3.99, 6.99]),
        variants: ['', 'Fresh-Baked ', 'Artisan ', 'Classic '],
      },
      'Meat & Seafood': {
        kinds: kinds(['Chicken Breast', 6.99, 14.99], ['Ground Beef 1 lb', 5.99, 9.99], ['Salmon Fillet', 9.99, 21.99],
          ['Pork Chops', 5.99, 11.99], ['Shrimp 1 lb', 8.99, 18.99]),
        variants: ['', 'Organic ', 'Family Pack ', 'Premium '],
      },
      Deli: {
        kinds: kinds(['Sliced Turkey', 4.99, 8.99], ['Hummus', 2.99, 5.99], ['Potato Salad', 3.49, 6.99],
          ['Rotisserie Chicken', 5.99, 8.99]),
        variants: ['', 'Classic ', 'Homestyle ', 'Family Size '],
      },
    },
  },
  {
    name: 'Beverages', products: 150, demand: 15, costShare: [0.5, 0.72], durable: false, priceAversion: 0.2,
    seasonality: [0.85, 0.85, 0.92, 0.98, 1.1, 1.25, 1.32, 1.28, 1.05, 0.95, 0.98, 1.15],
    brands: ['Fizz Co.', 'Clearspring', 'Roast & Ritual', 'Tropic Press', 'Old Harbor Brewing', 'Vineyard Lane'],
    subcategories: {
      'Soft Drinks': {
        kinds: kinds(['Cola 12-Pack', 5.99, 8.99], ['Lemon Soda 2 L', 1.99, 3.49], ['Ginger Ale 6-Pack', 3.49, 6.99],
          ['Root Beer 6-Pack', 3.49, 6.99]),
        variants: ['', 'Zero Sugar ', 'Classic ', 'Diet '],
      },
      Water: {
        kinds: kinds(['Spring Water 24-Pack', 3.99, 7.99], ['Sparkling Water 8-Pack', 3.99, 6.99],
          ['Electrolyte Water 1 L', 1.49, 3.99]),
        variants: ['', 'Lime ', 'Natural ', 'Berry '],
      },
      'Coffee & Tea': {
        kinds: kinds(['Ground Coffee', 6.99, 14.99], ['Whole Bean Coffee', 8.99, 19.99], ['Green Tea 20 ct', 2.99, 6.99],
          ['Chai Tea', 3.49, 6.99], ['Cold Brew', 2.99, 5.99]),
        variants: ['', 'House Blend ', 'Dark Roast ', 'Organic ', 'Decaf '],
      },
      Juice: {
        kinds: kinds(['Orange Juice', 3.49, 6.99], ['Apple Juice', 2.49, 4.99], ['Lemonade', 2.49, 4.49],
          ['Berry Smoothie', 2.99, 4.99]),
        variants: ['', 'Not From Concentrate ', 'Organic ', 'Family Size '],
      },
      'Beer & Wine': {
        kinds: kinds(['IPA 6-Pack', 9.99, 14.99], ['Lager 12-Pack', 12.99, 19.99], ['Cabernet Sauvignon', 9.99, 29.99],
          ['Sauvignon Blanc', 8.99, 24.99], ['Prosecco', 10.99, 19.99]),
        variants: ['', 'Reserve ', 'Classic ', 'Estate '],
      },
    },
  },
  {
    name: 'Household', products: 130, demand: 9, costShare: [0.5, 0.7], durable: false, priceAversion: 0.2,
    seasonality: [1.05, 0.98, 1.08, 1.1, 1.02, 0.97, 0.95, 0.98, 0.98, 1, 1.02, 1.05],
    brands: ['BrightHome', 'PureClean', 'EverSoft', 'Tidy Co.', 'EcoNest'],
    subcategories: {
      Cleaning: {
        kinds: kinds(['All-Purpose Cleaner', 2.99, 6.99], ['Glass Cleaner', 2.99, 5.99], ['Disinfecting Wipes', 3.99, 7.99],
          ['Scrub Sponges 6 ct', 2.49, 5.99]),
        variants: ['', 'Lemon ', 'Unscented ', 'Eco ', 'Value Size '],
      },
      'Paper Goods': {
        kinds: kinds(['Paper Towels 6-Roll', 7.99, 16.99], ['Toilet Paper 12-Roll', 8.99, 18.99], ['Facial Tissues', 1.99, 6.99],
          ['Napkins 200 ct', 2.49, 5.99]),
        variants: ['', 'Ultra Soft ', 'Recycled ', 'Mega '],
      },
      Laundry: {
        kinds: kinds(['Laundry Detergent', 8.99, 19.99], ['Fabric Softener', 4.99, 9.99], ['Stain Remover', 3.99, 7.99],
          ['Dryer Sheets', 3.99, 8.99]),
        variants: ['', 'Free & Clear ', 'Fresh Scent ', 'Lavender ', 'Value Size '],
      },
      'Kitchen Supplies': {
        kinds: kinds(['Trash Bags 40 ct', 6.99, 15.99], ['Aluminum Foil', 3.99, 7.99], ['Zip Storage Bags', 2.99, 6.99],
          ['Dish Soap', 2.49, 5.49]),
        variants: ['', 'Heavy Duty ', 'Eco ', 'Value Size '],
      },
    },
  },
  {
    name: 'Personal Care', products: 140, demand: 9, costShare: [0.45, 0.65], durable: false, priceAversion: 0.25,
    seasonality: [1.02, 1, 1, 1, 1.02, 1.05, 1.06, 1.02, 0.98, 0.97, 0.98, 1.1],
    brands: ['Lumière', 'FreshDay', 'Pure Botanics', 'DentaCare', 'Vita Well'],
    subcategories: {
      'Hair Care': {
        kinds: kinds(['Shampoo', 3.99, 12.99], ['Conditioner', 3.99, 12.99], ['Argan Hair Oil', 6.99, 16.99],
          ['Styling Gel', 3.49, 8.99]),
        variants: ['', 'Moisturizing ', 'Volumizing ', 'Sensitive ', 'Travel Size '],
      },
      'Oral Care': {
        kinds: kinds(['Toothpaste', 2.49, 6.99], ['Electric Toothbrush Heads', 12.99, 29.99], ['Mouthwash', 3.99, 8.99],
          ['Dental Floss', 2.49, 4.99]),
        variants: ['', 'Whitening ', 'Sensitive ', 'Fresh Mint '],
      },
      'Skin Care': {
        kinds: kinds(['Daily Moisturizer', 7.99, 24.99], ['Sunscreen SPF 50', 7.99, 16.99], ['Face Wash', 5.99, 14.99],
          ['Body Lotion', 4.99, 12.99]),
        variants: ['', 'Sensitive ', 'Hydrating ', 'Fragrance-Free '],
      },
      Health: {
        kinds: kinds(['Vitamin D3', 5.99, 14.99], ['Multivitamin', 7.99, 19.99], ['Pain Relief Tablets', 4.99, 12.99],
          ['Allergy Relief', 7.99, 19.99], ['Bandages 30 ct', 2.99, 6.99]),
        variants: ['', 'Extra Strength ', 'Daily ', 'Value Size '],
      },
    },
  },
  {
    name: 'Electronics', products: 110, demand: 5, costShare: [0.7, 0.8], durable: true, priceAversion: 0.6,
    seasonality: [0.85, 0.8, 0.85, 0.85, 0.9, 0.9, 0.92, 1.05, 0.95, 0.95, 1.45, 1.9],
    brands: ['Voltix', 'Soundwave', 'Nimbus', 'Pixelon', 'Arcadia Tech'],
    subcategories: {
      'Phones & Accessories': {
        kinds: kinds(['Phone Case', 12.99, 39.99], ['USB-C Charger', 14.99, 39.99], ['Power Bank', 19.99, 59.99],
          ['Screen Protector', 9.99, 24.99], ['Smartphone', 199, 999]),
        variants: ['', 'Black ', 'White ', 'Pro ', 'Slim '],
      },
      Audio: {
        kinds: kinds(['Wireless Earbuds', 29.99, 199], ['Bluetooth Speaker', 24.99, 149], ['Over-Ear Headphones', 49.99, 349],
          ['Soundbar', 99, 499]),
        variants: ['', 'Black ', 'White ', 'Pro ', 'Mini '],
      },
      Computers: {
        kinds: kinds(['14" Laptop', 449, 1299], ['Wireless Mouse', 14.99, 59.99], ['Wireless Keyboard', 19.99, 99.99],
          ['27" Monitor', 179, 449], ['10" Tablet', 149, 799]),
        variants: ['', 'Pro ', 'Slim ', 'Ergonomic ', 'Black '],
      },
      'TV & Video': {
        kinds: kinds(['55" 4K TV', 349, 999], ['Streaming Stick', 29.99, 59.99], ['HDMI Cable 6 ft', 7.99, 24.99]),
        variants: ['', 'Ultra ', 'Smart ', 'High-Speed '],
      },
      'Smart Home': {
        kinds: kinds(['Smart Plug', 9.99, 24.99], ['Video Doorbell', 59.99, 199], ['Smart Bulb', 8.99, 19.99],
          ['Smart Thermostat', 79.99, 249]),
        variants: ['', 'Mini ', 'Plus ', 'White '],
      },
    },
  },
  {
    name: 'Home & Garden', products: 120, demand: 6, costShare: [0.5, 0.68], durable: true, priceAversion: 0.45,
    seasonality: [0.75, 0.8, 1.05, 1.35, 1.45, 1.35, 1.15, 1, 0.9, 0.85, 0.95, 1.2],
    brands: ['Hearth & Oak', 'GreenThumb', 'CasaNova', 'IronLeaf', 'Maple Row'],
    subcategories: {
      Kitchenware: {
        kinds: kinds(['8" Chef Knife', 19.99, 89.99], ['Nonstick Pan', 19.99, 59.99], ['Mixing Bowl Set', 14.99, 39.99],
          ['Bamboo Cutting Board', 9.99, 34.99], ['Drip Coffee Maker', 29.99, 149]),
        variants: ['', 'Professional ', 'Classic ', 'Stainless '],
      },
      Garden: {
        kinds: kinds(['Potting Soil', 4.99, 14.99], ['Garden Hose 50 ft', 19.99, 49.99], ['Flower Seeds', 1.99, 4.99],
          ['Pruning Shears', 12.99, 34.99], ['Ceramic Planter', 9.99, 49.99]),
        variants: ['', 'Organic ', 'Heavy Duty ', 'Classic '],
      },
      Decor: {
        kinds: kinds(['Throw Pillow', 14.99, 39.99], ['Scented Candle', 7.99, 24.99], ['Picture Frame', 7.99, 29.99],
          ['Table Lamp', 24.99, 89.99]),
        variants: ['', 'Linen ', 'Modern ', 'Rustic '],
      },
      Tools: {
        kinds: kinds(['Cordless Drill', 59.99, 179], ['Tool Set', 29.99, 129], ['Tape Measure', 7.99, 19.99],
          ['Work Gloves', 6.99, 19.99]),
        variants: ['', 'Pro ', 'Heavy Duty ', 'Compact '],
      },
      Furniture: {
        kinds: kinds(['Folding Chair', 19.99, 49.99], ['Bookshelf', 59.99, 199], ['Patio Set', 249, 599],
          ['Side Table', 39.99, 129]),
        variants: ['', 'Oak ', 'Modern ', 'Walnut '],
      },
    },
  },
  {
    name: 'Apparel', products: 110, demand: 8, costShare: [0.45, 0.58], durable: true, priceAversion: 0.45,
    seasonality: [0.9, 0.85, 0.95, 1, 1, 0.95, 0.95, 1.15, 1.05, 1, 1.25, 1.5],
    brands: ['Northline', 'Urban Thread', 'Summit Gear', 'Little Sprout', 'Stride'],
    subcategories: {
      Women: {
        kinds: kinds(["Women's Cotton T-Shirt", 9.99, 24.99], ["Women's Denim Jeans", 29.99, 79.99],
          ["Women's Knit Sweater", 29.99, 69.99], ["Women's Rain Jacket", 49.99, 129]),
        variants: ['', 'Navy ', 'Black ', 'Heather Grey ', 'Olive '],
      },
      Men: {
        kinds: kinds(["Men's Oxford Shirt", 24.99, 59.99], ["Men's Chinos", 29.99, 64.99], ["Men's Fleece Hoodie", 29.99, 59.99],
          ["Men's Puffer Jacket", 69.99, 149]),
        variants: ['', 'Navy ', 'Black ', 'Heather Grey ', 'Olive '],
      },
      Kids: {
        kinds: kinds(["Kids' T-Shirt", 7.99, 14.99], ["Kids' Joggers", 12.99, 24.99], ["Kids' Pajama Set", 14.99, 29.99],
          ["Kids' Raincoat", 24.99, 49.99]),
        variants: ['', 'Navy ', 'Red ', 'Yellow ', 'Striped '],
      },
      Footwear: {
        kinds: kinds(['Running Shoes', 49.99, 139], ['Canvas Sneakers', 39.99, 99.99], ['Sandals', 19.99, 49.99],
          ['Winter Boots', 59.99, 149]),
        variants: ['', 'Black ', 'White ', 'Trail ', 'Classic '],
      },
      Accessories: {
        kinds: kinds(['Baseball Cap', 14.99, 29.99], ['Wool Scarf', 19.99, 44.99], ['Daypack', 29.99, 89.99],
          ['Leather Belt', 19.99, 49.99]),
        variants: ['', 'Black ', 'Brown ', 'Navy ', 'Classic '],
      },
    },
  },
];

export const CATEGORY_NAMES = CATEGORIES.map((c) => c.name);

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  subcategory: string;
  brand: string;
  priceCents: number;
  costCents: number;
  reorderPoint: number;
  /** Index into CATEGORIES. */
  categoryIndex: number;
  /** What it is (the noun of its name) and that kind's price range. */
  kind: ProductKind;
  /** Relative popularity within the whole catalogue. */
  popularity: number;
}

export const sku = (n: number) => `SKU-${String(n).padStart(5, '0')}`;

/** The lowest shelf price of any kind of product in the category, in cents. */
export function categoryFloorCents(category: CategoryProfile): number {
  return Math.min(...Object.values(category.subcategories).flatMap((s) => s.kinds.map((k) => Math.round(k.price[0] * 100))));
}

/** Shelf prices end in .99 or .49 like real ones, within the kind's range. */
function shelfPrice(raw: number, [low, high]: [number, number]): number {
  const whole = Math.max(1, Math.round(raw));
  const cents = raw < 20 && raw - Math.floor(raw) < 0.5 ? whole * 100 - 51 : whole * 100 - 1;
  return Math.min(Math.round(high * 100), Math.max(Math.round(low * 100), cents));
}

/** A name no other product has: brand and variant drawn until unused, then the first unused pair in order. */
function uniqueName(random: ReturnType<typeof streamFor>, brands: string[], variants: string[], noun: string, taken: Set<string>) {
  const nameOf = (brand: string, variant: string) => `${brand} ${variant}${noun}`;
  for (let attempt = 0; attempt < 12; attempt++) {
    const brand = random.pick(brands);
    const name = nameOf(brand, random.pick(variants));
    if (!taken.has(name)) return { brand, name };
  }
  for (const brand of brands) {
    for (const variant of variants) if (!taken.has(nameOf(brand, variant))) return { brand, name: nameOf(brand, variant) };
  }
  const brand = random.pick(brands);
  let n = 2;
  while (taken.has(`${nameOf(brand, '')} ${n}`)) n++;
  return { brand, name: `${nameOf(brand, '')} ${n}` };
}

export function generateProducts(seed: number): DemoProduct[] {
  const random = streamFor(seed, 2);
  const products: DemoProduct[] = [];
  const taken = new Set<string>();
  CATEGORIES.forEach((category, categoryIndex) => {
    const subcategories = Object.entries(category.subcategories);
    const floor = categoryFloorCents(category);
    for (let rank = 1; rank <= category.products; rank++) {
      const [subcategory, profile] = subcategories[rank % subcategories.length];
      const kind = random.pick(profile.kinds);
      const [low, high] = kind.price;
      // Log-uniform within the kind's range: many at the everyday price, fewer premium versions.
      const priceCents = shelfPrice(Math.exp(random.between(Math.log(low), Math.log(high))), kind.price);
      // Cost stays within 45–80 % of the price after rounding to cents.
      const share = random.between(category.costShare[0], category.costShare[1]);
      const costCents = Math.min(Math.floor(priceCents * 0.8), Math.max(Math.ceil(priceCents * 0.45), Math.round(priceCents * share)));
      // Zipf-like popularity within the category; dearer products sell less often (steeply for durables).
      const popularity = (category.products / rank) ** 0.7 / (priceCents / floor) ** category.priceAversion;
      const { brand, name } = uniqueName(random, category.brands, profile.variants, kind.noun, taken);
      taken.add(name);
      products.push({
        sku: sku(products.length + 1),
        name,
        category: category.name,
        subcategory,
        brand,
        priceCents,
        costCents,
        reorderPoint: 0,
        categoryIndex,
        kind,
        popularity,
      });
    }
    // The category's products share its demand between them.
    const own = products.filter((p) => p.categoryIndex === categoryIndex);
    const total = own.reduce((a, p) => a + p.popularity, 0);
    for (const product of own) product.popularity *= category.demand / total;
  });
  const meanPopularity = products.reduce((a, p) => a + p.popularity, 0) / products.length;
  for (const product of products) {
    // Fast sellers are reordered earlier; durables carry thinner stock.
    const relative = product.popularity / meanPopularity;
    const durable = CATEGORIES[product.categoryIndex].durable;
    product.reorderPoint = Math.max(3, Math.round((durable ? 4 : 10) * Math.sqrt(relative) + random.int(0, 5)));
  }
  return products;
}
