namespace MhEmployment.Web.Features.Imports.Stores;

/// <summary>
/// The set-based statements of the bulk path, written once with the provider's quoting and null-safe equality
/// (SQLite: "a IS b"; PostgreSQL: "a IS NOT DISTINCT FROM b"). <paramref name="insertNewOnConflict"/>: new values are
/// inserted with ON CONFLICT DO NOTHING on the key (SQLite, where that saves a second probe of the key's index a row)
/// rather than with NOT EXISTS (PostgreSQL, where a hash anti-join is cheaper than speculative insertion).
/// </summary>
public sealed class ImportSql(Func<string, string> quote, string nullSafeEquals, bool insertNewOnConflict = false)
{
    private static readonly string[] KeyColumns = ["IndicatorId", "AreaCode", "PeriodStart", "PeriodEnd", "Sex", "AgeBand"];
    private static readonly string[] DataColumns = ["PeriodLabel", "Value", "Count", "Denominator", "Lower95", "Upper95", "Lower998", "Upper998", "Note"];

    private string Q(string name) => quote(name);

    private string Columns(IEnumerable<string> names, string? alias = null) =>
        string.Join(", ", names.Select(n => alias is null ? Q(n) : $"{alias}.{Q(n)}"));

    private string KeyJoin(string a, string b) => string.Join(" AND ", KeyColumns.Select(c => $"{a}.{Q(c)} = {b}.{Q(c)}"));

    private string Same(string a, string b) =>
        string.Join(" AND ", DataColumns.Select(c => string.Format(System.Globalization.CultureInfo.InvariantCulture, nullSafeEquals, $"{a}.{Q(c)}", $"{b}.{Q(c)}")));

    private string Values => Q("IndicatorValues");
    private string Staged => Q("StagedValues");
    private string Replaced => Q("ReplacedValues");

    public static readonly string[] StagingColumns = ["ImportId", .. KeyColumns, .. DataColumns];

    public string CountChanges => $"""
        SELECT
          COALESCE(SUM(CASE WHEN v.{Q("IndicatorId")} IS NULL THEN 1 ELSE 0 END), 0),
          COALESCE(SUM(CASE WHEN v.{Q("IndicatorId")} IS NOT NULL AND NOT ({Same("v", "s")}) THEN 1 ELSE 0 END), 0),
          COALESCE(SUM(CASE WHEN v.{Q("IndicatorId")} IS NOT NULL AND ({Same("v", "s")}) THEN 1 ELSE 0 END), 0)
        FROM {Staged} s LEFT JOIN {Values} v ON {KeyJoin("v", "s")}
        WHERE s.{Q("ImportId")} = @import
        """;

    public string CountStaged => $"SELECT COUNT(*) FROM {Staged} WHERE {Q("ImportId")} = @import";

    public string DeleteStaging => $"DELETE FROM {Staged} WHERE {Q("ImportId")} = @import";

    public string RetargetPlaceholder =>
        $"UPDATE {Staged} SET {Q("IndicatorId")} = @indicator WHERE {Q("ImportId")} = @import AND {Q("IndicatorId")} = @placeholder";

    public string KeepReplaced => $"""
        INSERT INTO {Replaced} ({Q("ReplacedByImportId")}, {Columns([.. KeyColumns, .. DataColumns])}, {Q("ImportId")})
        SELECT @import, {Columns([.. KeyColumns, .. DataColumns], "v")}, v.{Q("ImportId")}
        FROM {Values} v JOIN {Staged} s ON {KeyJoin("v", "s")}
        WHERE s.{Q("ImportId")} = @import AND NOT ({Same("v", "s")})
        """;

    public string UpdateChanged => $"""
        UPDATE {Values} SET {string.Join(", ", DataColumns.Select(c => $"{Q(c)} = s.{Q(c)}"))}, {Q("ImportId")} = @import
        FROM {Staged} s
        WHERE {KeyJoin(Values, "s")} AND s.{Q("ImportId")} = @import AND NOT ({Same(Values, "s")})
        """;

    // Runs after UpdateChanged, so every key already stored is unchanged now: skipping them inserts exactly the new ones.
    public string InsertNew => insertNewOnConflict
        ? $"""
          INSERT INTO {Values} ({Columns([.. KeyColumns, .. DataColumns])}, {Q("ImportId")})
          SELECT {Columns([.. KeyColumns, .. DataColumns], "s")}, @import
          FROM {Staged} s
          WHERE s.{Q("ImportId")} = @import
          ON CONFLICT ({Columns(KeyColumns)}) DO NOTHING
          """
        : $"""
          INSERT INTO {Values} ({Columns([.. KeyColumns, .. DataColumns])}, {Q("ImportId")})
          SELECT {Columns([.. KeyColumns, .. DataColumns], "s")}, @import
          FROM {Staged} s
          WHERE s.{Q("ImportId")} = @import AND NOT EXISTS (SELECT 1 FROM {Values} v WHERE {KeyJoin("v", "s")})
          """;

    public string DeleteImported => $"DELETE FROM {Values} WHERE {Q("ImportId")} = @import";

    public string RestoreReplaced => $"""
        INSERT INTO {Values} ({Columns([.. KeyColumns, .. DataColumns])}, {Q("ImportId")})
        SELECT {Columns([.. KeyColumns, .. DataColumns])}, {Q("ImportId")} FROM {Replaced} WHERE {Q("ReplacedByImportId")} = @import
        """;
}
