-- A small preview of each photo on a ticket (JPEG, at most 320 px on its longest side), made once when the photo is
-- uploaded and kept next to it, so a ticket page never sends the full photos. thumbnail_state: READY (thumbnail holds
-- it), NONE (no preview can be made: not an image Java can read, broken, or too many pixels), null (uploaded before
-- previews existed: made on first request and stored then).
alter table ticket_attachment add column thumbnail bytea;
alter table ticket_attachment add column thumbnail_state varchar(10);
