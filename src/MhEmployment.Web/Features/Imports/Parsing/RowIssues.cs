namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>The issues of one row; allocates only when there is one (most rows have none).</summary>
internal sealed class RowIssues
{
    private List<ParseIssue>? _items;

    public bool HasErrors { get; private set; }

    public bool IsEmpty => _items is null;

    public void Add(ParseIssue issue)
    {
        (_items ??= []).Add(issue);
        HasErrors |= issue.Severity == IssueSeverity.Error;
    }

    /// <summary>Hands the issues over to a record and starts afresh for the next row.</summary>
    public IReadOnlyList<ParseIssue> Take()
    {
        IReadOnlyList<ParseIssue> taken = _items ?? (IReadOnlyList<ParseIssue>)[];
        _items = null;
        HasErrors = false;
        return taken;
    }

    /// <summary>The row's record: with the observation only when no issue is an error.</summary>
    public ParsedRecord? ToRecord(SourceObservation? observation)
    {
        if (HasErrors)
            observation = null;
        if (observation is null && IsEmpty)
            return null;
        return new ParsedRecord(observation, Take());
    }
}
