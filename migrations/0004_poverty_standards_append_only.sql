-- Loaded standards are never changed or deleted: corrections are new versions.
CREATE TRIGGER poverty_standards_append_only BEFORE UPDATE OR DELETE ON "poverty_standards"
  FOR EACH ROW EXECUTE FUNCTION chungtay_refuse_change();
