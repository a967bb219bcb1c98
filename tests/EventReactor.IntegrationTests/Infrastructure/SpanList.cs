using System.Collections.ObjectModel;
using System.Diagnostics;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Spans from the in-memory exporter, which adds them from whichever thread ends a span.</summary>
internal sealed class SpanList : Collection<Activity>
{
    private readonly Lock _lock = new();

    public List<Activity> Snapshot()
    {
        lock (_lock)
        {
            return [.. this];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }
}
