using MhEmployment.UnitTests.Statistics;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports.Parsing;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// The compact store against the snapshot it replaced (<see cref="LegacyIndicatorValues"/>), on the real Fingertips
/// downloads the reconciliation tests hold: every slice, period, area value, series and headline slice must agree,
/// whether the rows come in the file's order or shuffled.
/// </summary>
public sealed class CompactSnapshotEquivalenceTests
{
    private static readonly (string File, Indicator Indicator)[] Downloads =
    [
        ("indicators-CountyUA.data.csv", Catalogued(1, "fingertips-93356", "All ages", IndicatorValueType.CrudeRate, 100_000)),
        ("unmet_alcohol.csv", Catalogued(2, "fingertips-93532", "18+ yrs", IndicatorValueType.Proportion, 100)),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FingertipsDownloads_GiveTheSameAnswersAsTheOldSnapshot(bool shuffled)
    {
        var values = Downloads.SelectMany(d => ValuesOf(d.File, d.Indicator.Id)).ToList();
        if (shuffled)
        {
            new Random(13).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        }
        var snapshot = new ValueSnapshot(1, [], Downloads.Select(d => d.Indicator), values);

        foreach (var (_, indicator) in Downloads)
        {
            var legacy = new LegacyIndicatorValues(indicator, values.Where(v => v.IndicatorId == indicator.Id));
            var compact = snapshot.IndicatorsByKey[indicator.Key];
            compact.ValueCount.Should().Be(values.Count(v => v.IndicatorId == indicator.Id));
            AssertSameAnswers(legacy, compact);
        }
    }

    [Fact]
    public void FingertipsDownload_HoldsItsSuppressedValuesWithTheirNotes()
    {
        var indicator = Downloads[0].Indicator;
        var values = ValuesOf(Downloads[0].File, indicator.Id);
        var snapshot = new ValueSnapshot(1, [], [indicator], values);

        var suppressed = values.Where(v => v.Value is null).ToList();
        suppressed.Should().NotBeEmpty("the download has suppressed rows");
        foreach (var expected in suppressed)
        {
            var read = snapshot.IndicatorsByKey[indicator.Key].Slices[expected.Slice].Find(expected.Period)!.ByArea[expected.AreaCode];
            read.Should().Be(expected);
            read.Note.Should().NotBeNullOrEmpty();
        }
    }

    private static void AssertSameAnswers(LegacyIndicatorValues legacy, IndicatorValues compact)
    {
        compact.Slices.Keys.Should().Equal(legacy.Slices.Keys, "slices keep the order their first value came in");
        var areaCodes = legacy.Slices.Values.SelectMany(s => s.SeriesByArea.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var (slice, old) in legacy.Slices)
        {
            var now = compact.Slices[slice];
            now.Slice.Should().Be(slice);
            now.Periods.Select(p => (p.Period, p.Label)).Should().Equal(old.Periods.Select(p => (p.Period, p.Label)));
            foreach (var oldPeriod in old.Periods)
            {
                var period = now.Find(oldPeriod.Period)!;
                period.Should().BeSameAs(now.Periods.Single(p => p.Period == oldPeriod.Period));
                period.ByArea.Count.Should().Be(oldPeriod.ByArea.Count);
                period.ByArea.Should().BeEquivalentTo(oldPeriod.ByArea);
                period.ByArea.Keys.Should().BeEquivalentTo(oldPeriod.ByArea.Keys);
                foreach (var (code, value) in oldPeriod.ByArea)
                {
                    period.ByArea[code.ToLowerInvariant()].Should().Be(value);
                    period.ByArea.GetValueOrDefault(code).Should().Be(value);
                }
                foreach (var code in areaCodes.Where(c => !oldPeriod.ByArea.ContainsKey(c)))
                {
                    period.ByArea.ContainsKey(code).Should().BeFalse();
                    period.ByArea.TryGetValue(code, out _).Should().BeFalse();
                }
            }
            now.Find(new PeriodKey(new DateOnly(1990, 1, 1), new DateOnly(1990, 12, 31))).Should().BeNull();

            now.SeriesByArea.Count.Should().Be(old.SeriesByArea.Count);
            now.SeriesByArea.Keys.Should().BeEquivalentTo(old.SeriesByArea.Keys);
            foreach (var code in areaCodes)
            {
                now.SeriesByArea.ContainsKey(code).Should().Be(old.SeriesByArea.ContainsKey(code));
                if (old.SeriesByArea.TryGetValue(code, out var oldSeries))
                {
                    now.SeriesByArea[code].Should().Equal(oldSeries);
                    now.SeriesByArea[code.ToLowerInvariant()][^1].Should().Be(oldSeries[^1]);
                }
            }
        }

        compact.HeadlineSliceFor(null)!.Slice.Should().Be(legacy.HeadlineSliceFor(null)!.Slice);
        foreach (var code in areaCodes.Append("E99999999"))
        {
            compact.HeadlineSliceFor(code)?.Slice.Should().Be(legacy.HeadlineSliceFor(code)?.Slice, code);
        }
    }

    internal static List<SnapshotValue> ValuesOf(string file, int indicatorId) =>
        [.. FingertipsExport.Read(file)
            .Where(r => r.CategoryType.Length == 0)
            .Select(r => new SnapshotValue(indicatorId, r.AreaCode, PeriodOf(r.Period), r.Period,
                new Slice(Enum.Parse<Sex>(r.Sex), r.Age), r.Value, r.Count, r.Denominator,
                r.Lower95, r.Upper95, r.Lower998, r.Upper998, r.ValueNote.Length == 0 ? null : r.ValueNote, r.Record))];

    private static PeriodKey PeriodOf(string label) =>
        PeriodParser.TryParse(label, out var period) ? new PeriodKey(period.Start, period.End) : throw new InvalidDataException(label);

    private static Indicator Catalogued(int id, string key, string age, IndicatorValueType type, int multiplier) => new()
    {
        Id = id, Key = key, Name = key, Definition = "", Source = "Fingertips", Age = age, Sex = Sex.Persons,
        Theme = IndicatorTheme.Prevalence, Unit = IndicatorUnit.Percent, ValueType = type, Multiplier = multiplier,
        Polarity = Polarity.LowIsGood, PeriodType = PeriodType.CalendarYear, IntervalMethod = IntervalMethod.ExactPoisson,
        ComparisonMethod = ComparisonMethod.ConfidenceIntervals,
    };
}
