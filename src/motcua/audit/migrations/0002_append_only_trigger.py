"""On PostgreSQL, the access log refuses DELETE and UPDATE (Decree 13/2023/NĐ-CP Art. 38 §2: the
log is evidence of how personal data was processed). The one UPDATE let through is the database
clearing `reader_id`, `applicant_id` or `unit_id` (ON DELETE SET NULL when an account or a unit
is deleted): every other column must stay as written. TRUNCATE is not covered (it needs the
table owner's rights, which the application role should not have in production; see
docs/audit.md). SQLite, the demo database, gets no trigger.
"""

from django.db import migrations

_CLEARABLE = ("reader_id", "applicant_id", "unit_id")
_STRIP = " - ".join(f"'{c}'" for c in _CLEARABLE)
_FK_OK = " AND ".join(
    f"(NEW.{c} IS NULL OR NEW.{c} IS NOT DISTINCT FROM OLD.{c})" for c in _CLEARABLE)

CREATE = f"""
CREATE OR REPLACE FUNCTION audit_personaldataread_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (to_jsonb(NEW) - {_STRIP}) = (to_jsonb(OLD) - {_STRIP})
       AND {_FK_OK} THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_personaldataread is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_personaldataread_append_only
    BEFORE UPDATE OR DELETE ON audit_personaldataread
    FOR EACH ROW EXECUTE FUNCTION audit_personaldataread_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_personaldataread_append_only ON audit_personaldataread;
DROP FUNCTION IF EXISTS audit_personaldataread_append_only();
"""


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)
    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_personal_data_read")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
