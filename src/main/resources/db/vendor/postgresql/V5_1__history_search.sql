-- PostgreSQL only: trigram indexes make the history's substring search (label, paths,
-- username) fast at a lab's volume. pg_trgm ships with PostgreSQL and is a trusted
-- extension; where it cannot be created, the search still works, only slower.
do $$
begin
    create extension if not exists pg_trgm;
exception when others then
    raise notice 'pg_trgm is not available (%): history search runs without trigram indexes', sqlerrm;
end $$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index transfer_item_source_trgm on transfer_item using gin (lower(source_path) gin_trgm_ops);
        create index transfer_item_destination_trgm on transfer_item using gin (lower(destination_path) gin_trgm_ops);
        create index transfer_request_label_trgm on transfer_request using gin (lower(label) gin_trgm_ops);
        create index transfer_request_username_trgm on transfer_request using gin (lower(username) gin_trgm_ops);
    end if;
end $$;
