-- The Fund's journal is append-only: postings and their lines are never changed or deleted
-- (corrections are reversals), enforced here and not only in code.
CREATE TRIGGER fund_postings_append_only BEFORE UPDATE OR DELETE ON "fund_postings"
  FOR EACH ROW EXECUTE FUNCTION chungtay_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fund_postings_no_truncate BEFORE TRUNCATE ON "fund_postings"
  FOR EACH STATEMENT EXECUTE FUNCTION chungtay_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fund_posting_lines_append_only BEFORE UPDATE OR DELETE ON "fund_posting_lines"
  FOR EACH ROW EXECUTE FUNCTION chungtay_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fund_posting_lines_no_truncate BEFORE TRUNCATE ON "fund_posting_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION chungtay_refuse_change();
--> statement-breakpoint
-- Double entry: at commit, every posting's lines sum to zero, there are at least two, and the
-- posting's amount is what its lines move.
CREATE OR REPLACE FUNCTION chungtay_fund_posting_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total bigint;
  n integer;
BEGIN
  SELECT coalesce(sum(amount), 0), count(*) INTO total, n
    FROM fund_posting_lines WHERE posting_id = NEW.posting_id;
  IF total <> 0 OR n < 2 THEN
    RAISE EXCEPTION 'unbalanced_posting: posting % has % lines summing to %', NEW.posting_id, n, total
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER fund_posting_lines_balanced AFTER INSERT ON "fund_posting_lines"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION chungtay_fund_posting_balanced();
--> statement-breakpoint
-- A posting without lines is not a posting.
CREATE OR REPLACE FUNCTION chungtay_fund_posting_has_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM fund_posting_lines WHERE posting_id = NEW.id) THEN
    RAISE EXCEPTION 'unbalanced_posting: posting % has no lines', NEW.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER fund_postings_have_lines AFTER INSERT ON "fund_postings"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION chungtay_fund_posting_has_lines();
--> statement-breakpoint
ALTER TABLE "fund_postings" ADD CONSTRAINT "fund_postings_amount_positive" CHECK ("amount" > 0);
