using EventReactor.Contracts.Inventory;
using Microsoft.Extensions.Options;
using EventReactor.Minion.Outbox;

namespace EventReactor.Minion.Inventory;

/// <summary>Collects and publishes the inventory, one collection at a time, remembering what was last published.</summary>
internal sealed class InventoryService(InventoryCollector collector, IMinionOutbox outbox, IOptions<MinionOptions> options)
    : IInventoryService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _publishedFingerprint;

    public Grains? Current { get; private set; }

    public async Task<Grains> CollectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Current = await collector.CollectAsync(cancellationToken);
            return Current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<Grains> RefreshAsync(CancellationToken cancellationToken) => CollectAndPublishAsync(onlyIfChanged: false, cancellationToken);

    /// <summary>Collects and publishes when the grains differ from those last published; returns whether it published.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        var before = _publishedFingerprint;
        await CollectAndPublishAsync(onlyIfChanged: true, cancellationToken);
        return !string.Equals(before, _publishedFingerprint, StringComparison.Ordinal);
    }

    public async Task PublishAsync(Grains grains, CancellationToken cancellationToken)
    {
        await outbox.AppendAsync(InventoryEvents.Inventory(options.Value.Id, grains), cancellationToken);
        // Only what reached the publisher counts as published, so a failed publish is retried at the next collection.
        _publishedFingerprint = GrainsJson.Fingerprint(grains);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Grains> CollectAndPublishAsync(bool onlyIfChanged, CancellationToken cancellationToken)
    {
        var grains = await CollectAsync(cancellationToken);
        if (!onlyIfChanged || !string.Equals(GrainsJson.Fingerprint(grains), _publishedFingerprint, StringComparison.Ordinal))
        {
            await PublishAsync(grains, cancellationToken);
        }

        return grains;
    }
}
