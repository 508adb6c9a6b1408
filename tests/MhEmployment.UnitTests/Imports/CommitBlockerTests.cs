using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

public class CommitBlockerTests
{
    private static Import Interrupted(bool validationComplete, bool commitWhenValid) => new()
    {
        FileName = "file.csv",
        Sha256 = new string('0', 64),
        Status = ImportStatus.Interrupted,
        ValidationComplete = validationComplete,
        CommitWhenValid = commitWhenValid,
        NewCount = 3,
    };

    private static Import Validated(long errors = 0, long staged = 3, ImportSummary? summary = null) => new()
    {
        FileName = "file.csv",
        Sha256 = new string('0', 64),
        Status = ImportStatus.Ready,
        ValidationComplete = true,
        ErrorCount = errors,
        NewCount = staged,
        SummaryJson = (summary ?? new ImportSummary()).ToJson(),
    };

    [Fact]
    public void AnInterruptedOnePassCommit_MayBeCommittedAgain_ForThatChecksTheFileAgain() =>
        ImportCommits.CommitBlocker(Interrupted(validationComplete: false, commitWhenValid: true)).Should().BeNull();

    [Fact]
    public void AnInterruptedValidation_HasToBeValidatedAgain_BeforeItsPreviewCanBeCommitted() =>
        ImportCommits.CommitBlocker(Interrupted(validationComplete: false, commitWhenValid: false))!.Reason.Should().Contain("validated (again)");

    [Fact]
    public void AnInterruptedStagedCommit_MayBeCommittedAgain() =>
        ImportCommits.CommitBlocker(Interrupted(validationComplete: true, commitWhenValid: false)).Should().BeNull();

    [Fact]
    public void AValidatedFileWithValues_IsReadyToCommit()
    {
        ImportCommits.CommitBlocker(Validated()).Should().BeNull();
        ImportStatusText.Of(Validated()).Text.Should().Be("Ready to commit");
    }

    [Fact]
    public void AFileWithOneError_SaysSoInTheSingular_AndIsNotReady()
    {
        var blocker = ImportCommits.CommitBlocker(Validated(errors: 1))!;

        blocker.Reason.Should().Contain("The file has 1 error.");
        ImportStatusText.Of(Validated(errors: 1)).Text.Should().Be("Errors to correct");
    }

    [Fact]
    public void AFileWithUnmatchedSeries_AsksForThemToBeMatched()
    {
        var summary = new ImportSummary { Series = { new SeriesSummary { Key = "nomis:X", Name = "X", Resolution = SeriesResolution.Unmapped } } };

        ImportCommits.CommitBlocker(Validated(staged: 0, summary: summary))!.Reason.Should().Contain("not matched to the catalogue");
        ImportStatusText.Of(Validated(staged: 0, summary: summary)).Text.Should().Be("Series to match");
    }

    [Fact]
    public void AFileOfWhichNothingMatched_IsNothingToCommit_NotReadyToCommit()
    {
        var skipped = new ImportSummary { Series = { new SeriesSummary { Key = "nomis:X", Name = "X", Resolution = SeriesResolution.Skipped } } };

        ImportCommits.CommitBlocker(Validated(staged: 0, summary: skipped))!.Reason.Should().StartWith("Nothing in this file can be committed");
        ImportStatusText.Of(Validated(staged: 0, summary: skipped)).Text.Should().Be("Nothing to commit");
    }
}
