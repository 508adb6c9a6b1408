using FluentAssertions;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using Microsoft.Data.Sqlite;
using Xunit;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>The SQLite reader of stored rows gives what Microsoft.Data.Sqlite's reader gives, on a real SQLite file.</summary>
public sealed class SqliteStoredRowsTests : IDisposable
{
    private const string Select = $"""SELECT {StoredRow.Columns}, "IndicatorId" FROM "Values" WHERE "ImportId" = @id AND rowid BETWEEN @from AND @to""";

    private readonly ScratchFolder folder = new();
    private readonly SqliteConnection connection;

    public SqliteStoredRowsTests()
    {
        connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "values.db")};Pooling=False");
        connection.Open();
        Execute("""
            CREATE TABLE "Values" ("IndicatorId" INTEGER NOT NULL, "AreaCode" TEXT NOT NULL, "PeriodStart" TEXT NOT NULL,
              "PeriodEnd" TEXT NOT NULL, "PeriodLabel" TEXT NOT NULL, "Sex" TEXT NOT NULL, "AgeBand" TEXT NOT NULL, "Value" REAL,
              "Count" REAL, "Denominator" REAL, "Lower95" REAL, "Upper95" REAL, "Lower998" REAL, "Upper998" REAL, "Note" TEXT,
              "ImportId" INTEGER NOT NULL)
            """);
    }

    public void Dispose()
    {
        connection.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void EveryColumn_ReadAsTheProvidersReaderReadsIt_NullsAndNonAsciiTextAndLongNotesIncluded()
    {
        var longNote = string.Concat(Enumerable.Repeat("Suppressed: fewer than five people — ", 20));
        Insert(7, "E09000012", "2023-04-01", "2024-03-31", "2023/24", "Persons", "All ages", 12.5, 40, 320, 9.1, 16.8, 7.9, 18.9, null, 3);
        Insert(7, "E09000011", "2023-04-01", "2024-03-31", "2023/24", "Female", "16-64 yrs", null, null, null, null, null, null, null, "Ní fhoilsítear: * value suppressed", 3);
        Insert(8, "E09000012", "2020-01-01", "2020-12-31", "2020", "Male", "65+ yrs", 0, 0, 12, 0, 1.5, 0, 2.5, longNote, 3);
        Insert(8, "E09000012", "2020-01-01", "2020-12-31", "2020", "Male", "65+ yrs", 99, 1, 1, 1, 1, 1, 1, null, 4); // another import

        var read = ReadRaw(3, long.MinValue, long.MaxValue);

        read.Should().Equal(ReadWithProvider(3, long.MinValue, long.MaxValue));
        read.Should().HaveCount(3);
        read[1].Row.Value.Should().BeNull();
        read[1].Row.Note.Should().Be("Ní fhoilsítear: * value suppressed");
        read[2].Row.Note.Should().Be(longNote);
        read[2].Row.Slice.Should().Be(new Slice(Sex.Male, "65+ yrs"));
        read[2].Row.Period.Should().Be(new PeriodKey(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)));
        read.Select(r => r.Indicator).Should().Equal(7, 7, 8);
    }

    [Fact]
    public void ReadInRanges_EveryRowOnce_InTheTablesOrder()
    {
        for (var i = 0; i < 101; i++)
        {
            Insert(1 + (i % 3), $"E0900{i:D4}", "2021-01-01", "2021-12-31", "2021", "Persons", "All ages", i, null, null, null, null, null, null, null, i % 5 == 0 ? 9 : 2);
        }
        var whole = ReadRaw(2, long.MinValue, long.MaxValue);

        var inRanges = RowRanges.Split((1, 101), 4).SelectMany(r => ReadRaw(2, r.From, r.To)).ToList();

        inRanges.Should().Equal(whole);
        whole.Should().HaveCount(80);
    }

    [Fact]
    public void ADateInAnotherForm_IsStillRead()
    {
        Insert(1, "E09000012", "2021-1-1", "2021-12-31", "2021", "Persons", "All ages", 1, null, null, null, null, null, null, null, 1);

        ReadRaw(1, long.MinValue, long.MaxValue).Single().Row.Period.Start.Should().Be(new DateOnly(2021, 1, 1));
    }

    [Fact]
    public void AFailingStatement_IsTheProvidersException()
    {
        var read = () => SqliteStoredRows.Read(connection, """SELECT * FROM "NoSuchTable" """, [], (_, _) => { }, CancellationToken.None);

        read.Should().Throw<SqliteException>().WithMessage("*NoSuchTable*");
    }

    private List<(StoredRow Row, int Indicator)> ReadRaw(int importId, long from, long to)
    {
        var rows = new List<(StoredRow, int)>();
        SqliteStoredRows.Read(connection, Select, [("@id", importId), ("@from", from), ("@to", to)], (row, indicator) => rows.Add((row, indicator)), CancellationToken.None);
        return rows;
    }

    private List<(StoredRow Row, int Indicator)> ReadWithProvider(int importId, long from, long to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select;
        command.Parameters.AddWithValue("@id", importId);
        command.Parameters.AddWithValue("@from", from);
        command.Parameters.AddWithValue("@to", to);
        using var reader = command.ExecuteReader();
        var rows = new List<(StoredRow, int)>();
        var sexes = new Dictionary<string, Sex>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows.Add((StoredRow.Read(reader, sexes), reader.GetInt32(15)));
        }
        return rows;
    }

    private void Insert(int indicator, string area, string start, string end, string label, string sex, string age, double? value, double? count,
        double? denominator, double? lower95, double? upper95, double? lower998, double? upper998, string? note, int importId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "Values" VALUES ($indicator, $area, $start, $end, $label, $sex, $age, $value, $count, $denominator, $lower95,
              $upper95, $lower998, $upper998, $note, $import)
            """;
        object?[] values = [indicator, area, start, end, label, sex, age, value, count, denominator, lower95, upper95, lower998, upper998, note, importId];
        string[] names = ["indicator", "area", "start", "end", "label", "sex", "age", "value", "count", "denominator", "lower95", "upper95", "lower998", "upper998", "note", "import"];
        for (var i = 0; i < names.Length; i++)
        {
            command.Parameters.AddWithValue("$" + names[i], values[i] ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
