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
    };

    [Fact]
    public void AnInterruptedOnePassCommit_MayBeCommittedAgain_ForThatChecksTheFileAgain() =>
        ImportCommits.CommitBlocker(Interrupted(validationComplete: false, commitWhenValid: true)).Should().BeNull();

    [Fact]
    public void AnInterruptedValidation_HasToBeValidatedAgain_BeforeItsPreviewCanBeCommitted() =>
        ImportCommits.CommitBlocker(Interrupted(validationComplete: false, commitWhenValid: false)).Should().Contain("validated (again)");

    [Fact]
    public void AnInterruptedStagedCommit_MayBeCommittedAgain() =>
        ImportCommits.CommitBlocker(Interrupted(validationComplete: true, commitWhenValid: false)).Should().BeNull();
}
