namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>A reporting period as a file labels it, with the dates it covers (both inclusive).</summary>
public readonly record struct Period(string Label, DateOnly Start, DateOnly End);
