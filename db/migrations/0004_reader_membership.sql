-- Custom SQL migration file, put your code below! ---- Scoped reads switch to retailwave_app with SET ROLE inside their transaction; a non-superuser owner
-- may do that only as a member of the role.
GRANT retailwave_app TO CURRENT_USER;
