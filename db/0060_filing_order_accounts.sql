-- 0060: the console names the customer account an order belongs to (API.md, account). Kept beside the order's
-- body so that a provider's account rule (Kingsoft: one subject per account) is checked across orders with an index.
alter table filing_orders add column account_id text;

create index filing_orders_account on filing_orders (account_id) where account_id is not null;
