using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// An indicator's built values written to a file and read back give the same answers to every question, down to the
/// bits of each number; a file that is cut short, altered, or not one of these is rejected, never half read.
/// </summary>
public sealed class IndicatorValuesFileTests
{
    private static readonly Slice Persons = new(Sex.Persons, "16-64 yrs");
    private static readonly Slice Female = new(Sex.Female, "16-64 yrs");
    private static readonly Slice Older = new(Sex.Persons, "65+ yrs");

    private static PeriodKey Year(int year) => new(new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));

    internal static Indicator Catalogued(int id = 7, string key = "claimants") => new()
    {
        Id = id, Key = key, Name = key, Definition = "", Source = "", Age = "16-64 yrs", Sex = Sex.Persons, Theme = IndicatorTheme.Benefits,
        Unit = IndicatorUnit.Percent, ValueType = IndicatorValueType.Proportion, Multiplier = 100, Polarity = Polarity.LowIsGood,
        PeriodType = PeriodType.FinancialYear, IntervalMethod = IntervalMethod.Wilson, ComparisonMethod = ComparisonMethod.ConfidenceIntervals,
    };

    /// <summary>Several slices, suppressed values with notes, a value with a label of its own, a real NaN, -0, and columns that are empty throughout.</summary>
    internal static IndicatorValues Varied(Indicator indicator)
    {
        var builder = new IndicatorValuesBuilder(indicator);
        builder.Add("E09000012", Year(2021), "2021/22", Persons, 12.5, 125, 1000, 11, 14, null, null, null, 3);
        builder.Add("E09000007", Year(2021), "2021/22", Persons, null, null, 800, null, null, null, null, "Suppressed: fewer than 5", 3);
        builder.Add("e09000012", Year(2020), "Apr 2020 - Mar 2021", Persons, double.NaN, -0.0, double.MaxValue, 1e-300, null, null, null, null, 2);
        builder.Add("E09000007", Year(2020), "2020/21", Persons, 9, 72, 800, null, null, null, null, "Provisional", 2);
        builder.Add("E92000001", Year(2020), "2020/21", Female, 10, 1000, 10000, 9.5, 10.5, 9.2, 10.8, null, 1);
        builder.Add("E92000001", Year(2019), "2019/20", Older, null, null, null, null, null, null, null, "Not collected", 1);
        builder.Add("E12000007", Year(2019), "2019/20", Older, 4, null, null, null, null, null, null, null, 1);
        return builder.Build();
    }

    private static byte[] Written(IndicatorValues values)
    {
        using var stream = new MemoryStream();
        IndicatorValuesFile.Write(stream, values);
        return stream.ToArray();
    }

    private static IndicatorValues ReadBack(byte[] file, Indicator indicator)
    {
        using var stream = new MemoryStream(file);
        return IndicatorValuesFile.Read(stream, indicator);
    }

    [Fact]
    public void BuiltValues_ReadBack_GiveTheSameAnswers()
    {
        var indicator = Catalogued();
        var original = Varied(indicator);

        var read = ReadBack(Written(original), indicator);

        AssertSameAnswers(original, read);
        var suppressed = read.Slices[Persons].Find(Year(2021))!.ByArea["E09000007"];
        (suppressed.Value, suppressed.Count, suppressed.Note).Should().Be((null, null, "Suppressed: fewer than 5"));
        var own = read.Slices[Persons].Find(Year(2020))!.ByArea["E09000012"];
        double.IsNaN(own.Value!.Value).Should().BeTrue("a stored NaN is not a missing value");
        double.IsNegative(own.Count!.Value).Should().BeTrue();
        own.PeriodLabel.Should().Be("Apr 2020 - Mar 2021");
    }

    [Fact]
    public void ValuesRead_AreUnderTheCatalogueEntryGiven()
    {
        var original = Varied(Catalogued());
        var edited = Catalogued();
        edited.Polarity = Polarity.HighIsGood;

        var read = ReadBack(Written(original), edited);

        read.Indicator.Should().BeSameAs(edited);
        AssertSameAnswers(original.WithIndicator(edited), read);
    }

    [Fact]
    public void ValuesWithAnImportMergedIn_ReadBack_GiveTheSameAnswers()
    {
        var indicator = Catalogued();
        // The slices the import leaves alone still name the held tables, the merged ones the extended tables: one file holds both.
        var merged = ImportOverlay.Apply(indicator, Varied(indicator), new ImportChange(9, Undone: false),
        [
            new StoredRow("E09000019", Year(2021), "2021/22", Persons, 30, 300, 1000, null, null, null, null, "New area", 9),
            new StoredRow("E92000001", Year(2022), "Apr 2022 - Mar 2023", Female, 11, null, null, null, null, null, null, null, 9),
        ]);

        AssertSameAnswers(merged, ReadBack(Written(merged), indicator));
    }

    [Fact]
    public void AnIndicatorWithoutValues_ReadsBackEmpty()
    {
        var indicator = Catalogued();

        var read = ReadBack(Written(new IndicatorValuesBuilder(indicator).Build()), indicator);

        read.Slices.Should().BeEmpty();
        read.ValueCount.Should().Be(0);
    }

    [Theory]
    [InlineData("indicators-CountyUA.data.csv")]
    [InlineData("unmet_alcohol.csv")]
    public void FingertipsDownloads_ReadBack_GiveTheSameAnswers(string file)
    {
        var indicator = Catalogued(1, "fingertips");
        var snapshot = new ValueSnapshot(1, [], [indicator], CompactSnapshotEquivalenceTests.ValuesOf(file, indicator.Id));
        var original = snapshot.Indicators.Single();

        AssertSameAnswers(original, ReadBack(Written(original), indicator));
    }

    [Fact]
    public void AFileCutShort_IsRejected_WhereverItIsCut()
    {
        var indicator = Catalogued();
        var file = Written(Varied(indicator));

        foreach (var length in new[] { 0, 7, 30, 56, file.Length / 2, file.Length - 1 })
        {
            FluentActions.Invoking(() => ReadBack(file[..length], indicator)).Should().Throw<InvalidDataException>($"cut at {length} of {file.Length} bytes");
        }
    }

    [Fact]
    public void AFileWithAnyByteChanged_IsRejected()
    {
        var indicator = Catalogued();
        var file = Written(Varied(indicator));

        foreach (var at in new[] { 3, 9, 13, 17, 30, 60, file.Length / 2, file.Length - 1 })
        {
            var altered = (byte[])file.Clone();
            altered[at] ^= 0x10;
            FluentActions.Invoking(() => ReadBack(altered, indicator)).Should().Throw<InvalidDataException>($"byte {at} changed");
        }
    }

    [Fact]
    public void AFileWithMoreAfterItsValues_IsRejected()
    {
        var indicator = Catalogued();

        FluentActions.Invoking(() => ReadBack([.. Written(Varied(indicator)), 0], indicator)).Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void AForeignFile_OrAnotherIndicatorsValues_IsRejected()
    {
        var indicator = Catalogued();

        FluentActions.Invoking(() => ReadBack("indicator_key,area_code\nclaimants,E09000012\n"u8.ToArray(), indicator))
            .Should().Throw<InvalidDataException>();
        FluentActions.Invoking(() => ReadBack(Written(Varied(Catalogued(8, "other"))), indicator))
            .Should().Throw<InvalidDataException>().WithMessage("*indicator 8, not 7*");
    }

    /// <summary>Every question the dashboards ask of an indicator's values, and the columns behind them bit for bit.</summary>
    internal static void AssertSameAnswers(IndicatorValues expected, IndicatorValues actual)
    {
        actual.Indicator.Should().BeSameAs(expected.Indicator);
        actual.ValueCount.Should().Be(expected.ValueCount);
        actual.Tables.Contents.AreaCodes.Should().Equal(expected.Tables.Contents.AreaCodes);
        actual.Tables.Contents.Labels.Should().Equal(expected.Tables.Contents.Labels);
        actual.Tables.Contents.Notes.Should().Equal(expected.Tables.Contents.Notes);
        actual.Slices.Keys.Should().Equal(expected.Slices.Keys, "slices keep the order their first value came in");
        var areaCodes = expected.Tables.Contents.AreaCodes;
        foreach (var (slice, before) in expected.Slices)
        {
            var after = actual.Slices[slice];
            after.Slice.Should().Be(slice);
            after.ValueCount.Should().Be(before.ValueCount);
            var (columns, original) = (after.Columns, before.Columns);
            columns.PeriodStarts.Should().Equal(original.PeriodStarts);
            columns.Areas.Should().Equal(original.Areas);
            columns.ImportIds.Should().Equal(original.ImportIds);
            columns.Notes.Should().Equal(original.Notes);
            columns.Labels.Should().Equal(original.Labels);
            columns.Numbers.Select(c => c?.Select(BitConverter.DoubleToInt64Bits).ToArray()).Should()
                .BeEquivalentTo(original.Numbers.Select(c => c?.Select(BitConverter.DoubleToInt64Bits).ToArray()), o => o.WithStrictOrdering());
            after.Periods.Select(p => (p.Period, p.Label)).Should().Equal(before.Periods.Select(p => (p.Period, p.Label)));
            foreach (var period in before.Periods)
            {
                var read = after.Find(period.Period)!;
                read.ByArea.ToList().Should().Equal(period.ByArea.ToList());
                foreach (var code in areaCodes)
                {
                    read.ByArea.GetValueOrDefault(code.ToLowerInvariant()).Should().Be(period.ByArea.GetValueOrDefault(code));
                }
            }
            after.SeriesByArea.Keys.Should().Equal(before.SeriesByArea.Keys);
            foreach (var code in areaCodes.Append("E99999999"))
            {
                after.SeriesByArea.ContainsKey(code.ToLowerInvariant()).Should().Be(before.SeriesByArea.ContainsKey(code));
                if (before.SeriesByArea.TryGetValue(code, out var series))
                {
                    after.SeriesByArea[code].Should().Equal(series);
                }
            }
        }
        actual.HeadlineSliceFor(null)?.Slice.Should().Be(expected.HeadlineSliceFor(null)?.Slice);
        foreach (var code in areaCodes.Append("E99999999"))
        {
            actual.HeadlineSliceFor(code)?.Slice.Should().Be(expected.HeadlineSliceFor(code)?.Slice, code);
        }
    }
}
