// Bytes the database's page cache holds now, cached pages and the tables' own memory alike.
CALL bm_info() RETURN mem_usage AS used
