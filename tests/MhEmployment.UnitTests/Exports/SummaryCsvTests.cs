using System.Text;
using MhEmployment.Web.Features.Exports;

namespace MhEmployment.UnitTests.Exports;

public sealed class SummaryCsvTests
{
    private static readonly string[] Columns =
    [
        "area_code", "area_name", "indicator_key", "indicator", "sex", "age", "period", "period_start", "period_end", "unit",
        "value", "lower_95", "upper_95", "interval_source", "count", "denominator", "note", "source",
    ];

    /// <summary>The CSV's header and rows, each row as its fields by header (RFC 4180 quoting undone).</summary>
    private static (List<string> Header, List<Dictionary<string, string>> Rows) Read(NeedsSummary summary)
    {
        var lines = Records(SummaryCsv.Table(summary).ToString());
        return (lines[0], [.. lines.Skip(1).Select(l => lines[0].Zip(l).ToDictionary(p => p.First, p => p.Second))]);
    }

    private static List<List<string>> Records(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        return records;
    }

    [Fact]
    public void EveryTidyValue_IsARow_WithAllItsColumns()
    {
        var sample = SummarySamples.Hackney();

        var (header, rows) = Read(sample);

        header.Should().Equal(Columns);
        rows.Should().HaveCount(sample.Areas[0].Values.Count);
        rows[1].Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["area_code"] = "E09000012", ["area_name"] = "Hackney", ["indicator_key"] = "esa-mental",
            ["indicator"] = "ESA claimants with mental and behavioural disorders", ["sex"] = "Persons", ["age"] = "16-64",
            ["period"] = "Aug 2023", ["period_start"] = "2023-08-01", ["period_end"] = "2023-08-31", ["unit"] = "per 1,000",
            ["value"] = "31.25", ["lower_95"] = "30.1", ["upper_95"] = "32.4", ["interval_source"] = "Computed",
            ["count"] = "5210", ["denominator"] = "166720", ["note"] = "", ["source"] = "DWP via NOMIS",
        });
        rows[2]["value"].Should().BeEmpty("the suppressed value has no figure");
        rows[2]["period_start"].Should().Be("2022-04-01");
    }

    [Fact]
    public void SeveralAreas_AreOneTable_AreaByArea()
    {
        var other = SummarySamples.Borough().Values.Select(v => v with { AreaCode = "E09000019", AreaName = "Islington" }).ToList();
        var summary = SummarySamples.Of(SummarySamples.Borough(), SummarySamples.Nothing(), SummarySamples.Borough() with
        {
            Code = "E09000019", Name = "Islington", Values = other,
        });

        var (_, rows) = Read(summary);

        rows.Select(r => r["area_code"]).Should().Equal("E09000012", "E09000012", "E09000012", "E09000019", "E09000019", "E09000019");
    }

    [Fact]
    public void DownloadsOfOneBuiltSummary_ShareOneEncoding_WhateverTheirStamp()
    {
        var built = SummarySamples.Of(SummarySamples.Borough());
        var first = built with { ProducedUtc = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), ProducedBy = "Ada" };
        var second = built with { ProducedUtc = new DateTime(2026, 12, 7, 10, 5, 0, DateTimeKind.Utc), ProducedBy = "Grace" };

        var bytes = SummaryCsv.Utf8(first);

        SummaryCsv.Utf8(second).Should().BeSameAs(bytes);
        bytes.Should().Equal(SummaryCsv.Table(built).ToUtf8());
    }

    [Fact]
    public void AnotherBuiltSummary_IsEncodedAfresh()
    {
        var borough = SummarySamples.Borough();
        var before = SummarySamples.Of(borough);
        var after = SummarySamples.Of(borough with { Values = [borough.Values[0] with { Value = 99.5 }, .. borough.Values.Skip(1)] });

        var old = SummaryCsv.Utf8(before);

        Encoding.UTF8.GetString(SummaryCsv.Utf8(after)).Should().Contain(",99.5,").And.NotBe(Encoding.UTF8.GetString(old));
    }

    [Fact]
    public void EmptyBorough_GivesTheHeaderAlone()
    {
        var csv = SummaryCsv.Table(SummarySamples.Empty());

        csv.Rows.Should().Be(0);
        csv.ToString().Should().Be(string.Join(',', Columns) + "\r\n");
    }

    [Fact]
    public void TextThatLooksLikeAFormula_IsInert_AndNegativeNumbersStayNumbers()
    {
        var borough = SummarySamples.Borough();
        var typed = borough.Values[0] with { Indicator = SummarySamples.Formula, Note = "@SUM(1+1)", Value = -1.5 };

        var (_, rows) = Read(SummarySamples.Of(borough with { Values = [typed, .. borough.Values.Skip(1)] }));

        rows[0]["indicator"].Should().Be("'" + SummarySamples.Formula);
        rows[0]["note"].Should().Be("'@SUM(1+1)");
        rows[0]["value"].Should().Be("-1.5");
        rows[2]["note"].Should().Be("'-suppressed");
        rows.SelectMany(r => r.Values).Should().NotContain(v => v.Length > 0 && "=+@\t\r".Contains(v[0]));
    }
}
