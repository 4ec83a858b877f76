-- The price of a new device per model, set by a school for its replacement forecast (wins over the category's price).
create table policy_model_price (
    school_id bigint        not null references school (id),
    model_id  bigint        not null references asset_model (id),
    price     numeric(10, 2) not null,
    primary key (school_id, model_id)
);
