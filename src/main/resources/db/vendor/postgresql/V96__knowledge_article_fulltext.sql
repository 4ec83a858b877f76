create index kb_article_audience on kb_article (school_id, audience, archived);
-- Full text with Dutch stemming ("printers" finds "printer"): the title weighs A, the text B.
alter table kb_article add column fts tsvector generated always as
    (setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B')) stored;
create index kb_article_fts on kb_article using gin (fts);
