namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Raised after a commit or an undo has changed stored values, so that whatever is derived from them (the
/// dashboards' cache) is dropped at once rather than when it next rechecks.
/// </summary>
public sealed class ValuesChangedSignal
{
    public event EventHandler? Changed;

    public void Raise() => Changed?.Invoke(this, EventArgs.Empty);
}
