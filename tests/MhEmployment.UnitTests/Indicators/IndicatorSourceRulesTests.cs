using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.UnitTests.Indicators;

/// <summary>The source an analyst gives an indicator for "refresh from source": Fingertips or NOMIS, checked before it is saved.</summary>
public sealed class IndicatorSourceRulesTests
{
    private static IndicatorInput Valid(Action<IndicatorInput> change)
    {
        var input = new IndicatorInput
        {
            Name = "ESA claimants per 1,000", Definition = "Claimants of ESA with mental and behavioural disorders per 1,000 aged 16-64.",
            Theme = "Benefits", ValueType = "CrudeRate", Unit = "RatePer1000", Multiplier = 1000, Polarity = "LowIsGood",
            Source = "DWP", Age = "16-64 yrs", Sex = "Persons", PeriodType = "Quarter", IntervalMethod = "Byars",
            ComparisonMethod = "ConfidenceIntervals", NeedsReview = false, RefreshSource = "None",
        };
        change(input);
        return input;
    }

    private static IReadOnlyList<FieldProblem> ProblemsOf(Action<IndicatorInput> change)
    {
        var (edit, problems) = IndicatorRules.Check(Valid(change));
        (edit is null).Should().Be(problems.Count > 0);
        return problems;
    }

    [Fact]
    public void Fingertips_WithAnIdAndAreaTypes_IsSaved_WithTheAreaTypesOnceEachInTheListsOrder()
    {
        var (edit, problems) = IndicatorRules.Check(Valid(i => { i.RefreshSource = "fingertips"; i.FingertipsId = 93495; i.FingertipsAreaTypes = [6, 502, 6]; }));

        problems.Should().BeEmpty();
        edit!.RefreshSource.Should().Be(IndicatorSourceKind.Fingertips);
        edit.FingertipsId.Should().Be(93495);
        edit.FingertipsAreaTypes.Should().Be("502,6");
    }

    [Fact]
    public void Fingertips_WithoutAnIdOrAreaTypes_SaysWhatEachNeeds() =>
        ProblemsOf(i => i.RefreshSource = "Fingertips").Should().BeEquivalentTo(new[]
        {
            new FieldProblem("FingertipsId", "Enter the Fingertips indicator id, a whole number such as 93495, to fetch from Fingertips"),
            new FieldProblem("FingertipsAreaTypes", "Choose at least one Fingertips area type to fetch, such as counties and unitary authorities"),
        });

    [Fact]
    public void AnAreaTypeTheAppDoesNotKnow_IsRefused_NamingTheOnesItDoes()
    {
        var problem = ProblemsOf(i => { i.RefreshSource = "Fingertips"; i.FingertipsId = 848; i.FingertipsAreaTypes = [502, 999]; }).Should().ContainSingle().Subject;

        problem.Field.Should().Be("FingertipsAreaTypes");
        problem.Message.Should().StartWith("999 is not a Fingertips area type the app fetches: choose from 502 (Counties and unitary authorities (from April 2023))");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-848)]
    public void AFingertipsIdBelowOne_IsRefused_WhateverTheSource(int id) =>
        ProblemsOf(i => i.FingertipsId = id).Should().ContainSingle()
            .Which.Should().Be(new FieldProblem("FingertipsId", "The Fingertips indicator id must be a whole number above 0, such as 93495"));

    [Fact]
    public void Nomis_WithADatasetAndQuery_IsSaved_WithTheDatasetAsNomisWritesIt_AndAPastedQuestionMarkDropped()
    {
        var (edit, problems) = IndicatorRules.Check(Valid(i =>
        {
            i.RefreshSource = "Nomis";
            i.NomisDataset = " nm_134_1 ";
            i.NomisQuery = "?geography=2092957699TYPE480&date=latest&measures=20100&select=date_name,geography_code,obs_value";
        }));

        problems.Should().BeEmpty();
        edit!.RefreshSource.Should().Be(IndicatorSourceKind.Nomis);
        edit.NomisDataset.Should().Be("NM_134_1");
        edit.NomisQuery.Should().Be("geography=2092957699TYPE480&date=latest&measures=20100&select=date_name,geography_code,obs_value");
    }

    [Fact]
    public void Nomis_WithoutADatasetOrQuery_SaysWhatEachNeeds() =>
        ProblemsOf(i => i.RefreshSource = "Nomis").Select(p => p.Field).Should().BeEquivalentTo("NomisDataset", "NomisQuery");

    [Theory]
    [InlineData("NM134")]
    [InlineData("NM_134")]
    [InlineData("134_1")]
    [InlineData("NM_134_1;drop")]
    public void ADatasetNotShapedLikeNomisOnes_IsRefused(string dataset) =>
        ProblemsOf(i => i.NomisDataset = dataset).Should().ContainSingle()
            .Which.Should().Be(new FieldProblem("NomisDataset", $"'{dataset}' is not a NOMIS dataset id: write it as NOMIS does, NM_ then two numbers, such as NM_134_1"));

    [Theory]
    [InlineData("geography=TYPE480&date=latest&recordoffset=25000", "Leave out recordoffset: the app pages through NOMIS's results itself (recordoffset and recordlimit)")]
    [InlineData("geography=TYPE480&RecordLimit=100", "Leave out RecordLimit: the app pages through NOMIS's results itself (recordoffset and recordlimit)")]
    [InlineData("geography=TYPE480&date=latest measures=20100", "The NOMIS query must not contain spaces: write it as it appears in the address, such as geography=TYPE480&date=latest&measures=20100")]
    [InlineData("geography=TYPE480&&date=latest", "'' is not a name=value pair: enter the part of the NOMIS address after '?', such as geography=TYPE480&date=latest&measures=20100")]
    [InlineData("geography", "'geography' is not a name=value pair: enter the part of the NOMIS address after '?', such as geography=TYPE480&date=latest&measures=20100")]
    [InlineData("date=", "'date=' is not a name=value pair: enter the part of the NOMIS address after '?', such as geography=TYPE480&date=latest&measures=20100")]
    [InlineData("https://www.nomisweb.co.uk/api/v01/dataset/NM_134_1.data.csv?geography=TYPE480",
        "'https://www.nomisweb.co.uk/api/v01/dataset/NM_134_1.data.cs…' is not a name=value pair: enter the part of the NOMIS address after '?', such as geography=TYPE480&date=latest&measures=20100")]
    public void AQueryThatIsNotNameValuePairs_OrFixesPaging_IsRefusedSayingWhy(string query, string message) =>
        ProblemsOf(i => { i.RefreshSource = "Nomis"; i.NomisDataset = "NM_134_1"; i.NomisQuery = query; }).Should().ContainSingle()
            .Which.Should().Be(new FieldProblem("NomisQuery", message));

    [Fact]
    public void None_KeepsTheIdsThatMatchUploadedFiles_AndNeedsNothingElse()
    {
        var (edit, problems) = IndicatorRules.Check(Valid(i => { i.FingertipsId = 92313; i.NomisDataset = "NM_17_5"; }));

        problems.Should().BeEmpty();
        edit!.RefreshSource.Should().Be(IndicatorSourceKind.None);
        edit.FingertipsId.Should().Be(92313);
        edit.NomisDataset.Should().Be("NM_17_5");
        edit.FingertipsAreaTypes.Should().BeNull();
        edit.NomisQuery.Should().BeNull();
    }

    [Fact]
    public void AMissingOrUnknownSource_IsRefused()
    {
        ProblemsOf(i => i.RefreshSource = null).Should().ContainSingle()
            .Which.Should().Be(new FieldProblem("RefreshSource", "Choose where a refresh fetches values from"));
        ProblemsOf(i => i.RefreshSource = "Stat-Xplore").Single().Message.Should()
            .Be("'Stat-Xplore' is not where a refresh fetches values from: choose one of None, Fingertips, Nomis");
    }

    [Fact]
    public void TheSource_ReadsInWords()
    {
        Indicator Indicator(IndicatorSourceKind kind) => new()
        {
            Key = "k", Name = "n", Definition = "d", Source = "s", Age = "a", RefreshSource = kind, FingertipsId = 93495,
            FingertipsAreaTypes = "502,6,15", NomisDataset = "NM_134_1", NomisQuery = "geography=TYPE480&date=latest",
        };

        IndicatorSources.Describe(Indicator(IndicatorSourceKind.Fingertips)).Should()
            .Be("Fingertips indicator 93495, for counties and unitary authorities (from April 2023), regions and England");
        IndicatorSources.Describe(Indicator(IndicatorSourceKind.Nomis)).Should().Be("NOMIS dataset NM_134_1 with query geography=TYPE480&date=latest");
        IndicatorSources.Describe(Indicator(IndicatorSourceKind.None)).Should().Be("None: values come from uploaded files");
    }
}
