// The demo catalogue: about 1,200 products in eight categories, with believable prices, margins,
// brands, popularity and seasonality per category.
import { streamFor } from './random';

export interface CategoryProfile {
  name: string;
  products: number;
  /** Share of basket lines relative to other categories. */
  demand: number;
  /** Lowest and highest shelf price. */
  price: [number, number];
  /** Unit cost as a share of the price. */
  costShare: [number, number];
  /** Bought one at a time (durables) rather than in multiples (consumables). */
  durable: boolean;
  /** Demand factor per calendar month, January first. */
  seasonality: number[];
  brands: string[];
  subcategories: Record<string, string[]>;
}


export const CATEGORIES: CategoryProfile[] = [
  {
    name: 'Grocery', products: 260, demand: 26, price: [1.29, 14.99], costShare: [0.6, 0.8], durable: false,
    seasonality: [1, 0.97, 1, 1, 1, 0.98, 0.98, 1, 1, 1.02, 1.12, 1.18],
    brands: ['Harvest Table', 'Golden Pantry', 'Nature\'s Cupboard', 'Blue Ridge', 'Sunny Acres', 'ValuePlus'],
    subcategories: {
      Pantry: ['Pasta', 'Rice', 'Olive Oil', 'Tomato Sauce', 'Peanut Butter', 'Honey'],
      Snacks: ['Potato Chips', 'Pretzels', 'Trail Mix', 'Granola Bars', 'Popcorn', 'Crackers'],
      Breakfast: ['Oat Cereal', 'Granola', 'Pancake Mix', 'Maple Syrup', 'Instant Oatmeal'],
      'Canned Goods': ['Black Beans', 'Chickpeas', 'Tuna', 'Sweet Corn', 'Chicken Soup'],
      Baking: ['Flour', 'Sugar', 'Baking Soda', 'Chocolate Chips', 'Vanilla Extract'],
    },
  },
  {
    name: 'Fresh', products: 180, demand: 22, price: [0.99, 24.99], costShare: [0.55, 0.75], durable: false,
    seasonality: [0.97, 0.97, 1, 1, 1.02, 1.04, 1.05, 1.04, 1, 0.99, 1.05, 1.1],
    brands: ['Green Valley', 'Farmhouse', 'Coastal Catch', 'Daily Dairy', 'Stone Oven', 'Orchard Fresh'],
    subcategories: {
      Produce: ['Bananas', 'Gala Apples', 'Avocados', 'Baby Spinach', 'Strawberries', 'Tomatoes'],
      Dairy: ['Whole Milk', 'Greek Yogurt', 'Cheddar', 'Butter', 'Free-Range Eggs'],
      Bakery: ['Sourdough Loaf', 'Bagels', 'Croissants', 'Whole Wheat Bread', 'Muffins'],
      'Meat & Seafood': ['Chicken Breast', 'Ground Beef', 'Salmon Fillet', 'Pork Chops', 'Shrimp'],
      Deli: ['Sliced Turkey', 'Hummus', 'Potato Salad', 'Rotisserie Chicken'],
    },
  },
  {
    name: 'Beverages', products: 150, demand: 15, price: [0.99, 29.99], costShare: [0.5, 0.72], durable: false,
    seasonality: [0.85, 0.85, 0.92, 0.98, 1.1, 1.25, 1.32, 1.28, 1.05, 0.95, 0.98, 1.15],
    brands: ['Fizz Co.', 'Clearspring', 'Roast & Ritual', 'Tropic Press', 'Old Harbor Brewing', 'Vineyard Lane'],
    subcategories: {
      'Soft Drinks': ['Cola 12-Pack', 'Lemon Soda', 'Ginger Ale', 'Root Beer'],
      Water: ['Spring Water 24-Pack', 'Sparkling Water', 'Electrolyte Water'],
      'Coffee & Tea': ['Ground Coffee', 'Coffee Beans', 'Green Tea', 'Chai', 'Cold Brew'],
      Juice: ['Orange Juice', 'Apple Juice', 'Lemonade', 'Smoothie'],
      'Beer & Wine': ['IPA 6-Pack', 'Lager 12-Pack', 'Cabernet Sauvignon', 'Sauvignon Blanc', 'Prosecco'],
    },
  },
  {
    name: 'Household', products: 130, demand: 9, price: [1.99, 29.99], costShare: [0.5, 0.7], durable: false,
    seasonality: [1.05, 0.98, 1.08, 1.1, 1.02, 0.97, 0.95, 0.98, 0.98, 1, 1.02, 1.05],
    brands: ['BrightHome', 'PureClean', 'EverSoft', 'Tidy Co.', 'EcoNest'],
    subcategories: {
      Cleaning: ['All-Purpose Cleaner', 'Glass Cleaner', 'Disinfecting Wipes', 'Scrub Sponges'],
      'Paper Goods': ['Paper Towels', 'Toilet Paper 12-Roll', 'Facial Tissues', 'Napkins'],
      Laundry: ['Laundry Detergent', 'Fabric Softener', 'Stain Remover', 'Dryer Sheets'],
      'Kitchen Supplies': ['Trash Bags', 'Aluminum Foil', 'Zip Bags', 'Dish Soap'],
    },
  },
  {
    name: 'Personal Care', products: 140, demand: 9, price: [1.99, 44.99], costShare: [0.45, 0.65], durable: false,
    seasonality: [1.02, 1, 1, 1, 1.02, 1.05, 1.06, 1.02, 0.98, 0.97, 0.98, 1.1],
    brands: ['Lumière', 'FreshDay', 'Pure Botanics', 'DentaCare', 'Vita Well'],
    subcategories: {
      'Hair Care': ['Shampoo', 'Conditioner', 'Hair Oil', 'Styling Gel'],
      'Oral Care': ['Toothpaste', 'Electric Toothbrush Heads', 'Mouthwash', 'Dental Floss'],
      'Skin Care': ['Moisturizer', 'Sunscreen SPF 50', 'Face Wash', 'Body Lotion'],
      Health: ['Vitamin D', 'Multivitamin', 'Pain Relief', 'Allergy Relief', 'Bandages'],
    },
  },
  {
    name: 'Electronics', products: 110, demand: 5, price: [9.99, 1299], costShare: [0.7, 0.8], durable: true,
    seasonality: [0.85, 0.8, 0.85, 0.85, 0.9, 0.9, 0.92, 1.05, 0.95, 0.95, 1.45, 1.9],
    brands: ['Voltix', 'Soundwave', 'Nimbus', 'Pixelon', 'Arcadia Tech'],
    subcategories: {
      'Phones & Accessories': ['Phone Case', 'USB-C Charger', 'Power Bank', 'Screen Protector', 'Smartphone'],
      Audio: ['Wireless Earbuds', 'Bluetooth Speaker', 'Over-Ear Headphones', 'Soundbar'],
      Computers: ['Laptop 14"', 'Wireless Mouse', 'Keyboard', 'Monitor 27"', 'Tablet'],
      'TV & Video': ['4K TV 55"', 'Streaming Stick', 'HDMI Cable'],
      'Smart Home': ['Smart Plug', 'Video Doorbell', 'Smart Bulb', 'Thermostat'],
    },
  },
  {
    name: 'Home & Garden', products: 120, demand: 6, price: [4.99, 399], costShare: [0.5, 0.68], durable: true,
    seasonality: [0.75, 0.8, 1.05, 1.35, 1.45, 1.35, 1.15, 1, 0.9, 0.85, 0.95, 1.2],
    brands: ['Hearth & Oak', 'GreenThumb', 'CasaNova', 'IronLeaf', 'Maple Row'],
    subcategories: {
      Kitchenware: ['Chef Knife', 'Nonstick Pan', 'Mixing Bowls', 'Cutting Board', 'Coffee Maker'],
      Garden: ['Potting Soil', 'Garden Hose', 'Flower Seeds', 'Pruning Shears', 'Planter'],
      Decor: ['Throw Pillow', 'Scented Candle', 'Picture Frame', 'Table Lamp'],
      Tools: ['Cordless Drill', 'Tool Set', 'Tape Measure', 'Work Gloves'],
      Furniture: ['Folding Chair', 'Bookshelf', 'Patio Set', 'Side Table'],
    },
  },
  {
    name: 'Apparel', products: 110, demand: 8, price: [7.99, 149], costShare: [0.45, 0.58], durable: true,
    seasonality: [0.9, 0.85, 0.95, 1, 1, 0.95, 0.95, 1.15, 1.05, 1, 1.25, 1.5],
    brands: ['Northline', 'Urban Thread', 'Summit Gear', 'Little Sprout', 'Stride'],
    subcategories: {
      Women: ['Cotton T-Shirt', 'Denim Jeans', 'Knit Sweater', 'Rain Jacket'],
      Men: ['Oxford Shirt', 'Chinos', 'Fleece Hoodie', 'Puffer Jacket'],
      Kids: ['Kids T-Shirt', 'Kids Joggers', 'Pajama Set', 'Kids Raincoat'],
      Footwear: ['Running Shoes', 'Sneakers', 'Sandals', 'Winter Boots'],
      Accessories: ['Baseball Cap', 'Wool Scarf', 'Backpack', 'Leather Belt'],
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
  /** Relative popularity within the whole catalogue. */
  popularity: number;
}

const SIZES = ['', ' Small', ' Large', ' Family Size', ' Value Pack', ' Organic', ' Classic', ' Premium'];

export const sku = (n: number) => `SKU-${String(n).padStart(5, '0')}`;

/** Shelf prices end in .99 or .49 like real ones. */
function shelfPrice(raw: number): number {
  const whole = Math.max(1, Math.round(raw));
  return raw < 20 && raw - Math.floor(raw) < 0.5 ? whole * 100 - 51 : whole * 100 - 1;
}

export function generateProducts(seed: number): DemoProduct[] {
  const random = streamFor(seed, 2);
  const products: DemoProduct[] = [];
  CATEGORIES.forEach((category, categoryIndex) => {
    const subcategories = Object.entries(category.subcategories);
    const [low, high] = category.price;
    for (let rank = 1; rank <= category.products; rank++) {
      const [subcategory, nouns] = subcategories[rank % subcategories.length];
      // Log-uniform prices: many cheap items, a long tail of expensive ones.
      const priceCents = Math.max(49, shelfPrice(Math.exp(random.between(Math.log(low), Math.log(high)))));
      // Cost stays within 45–80 % of the price after rounding to cents.
      const share = random.between(category.costShare[0], category.costShare[1]);
      const costCents = Math.min(Math.floor(priceCents * 0.8), Math.max(Math.ceil(priceCents * 0.45), Math.round(priceCents * share)));
      // Zipf-like popularity within the category, with cheap items selling a little more often.
      const popularity = ((category.demand / category.products) * (category.products / rank) ** 0.7) / (priceCents / 100 / low) ** 0.15;
      const brand = random.pick(category.brands);
      products.push({
        sku: sku(products.length + 1),
        name: `${brand} ${random.pick(nouns)}${random.pick(SIZES)}`,
        category: category.name,
        subcategory,
        brand,
        priceCents,
        costCents,
        reorderPoint: 0,
        categoryIndex,
        popularity,
      });
    }
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
