using System.Text.Json;
using EventReactor.Reactor.Minions;

namespace EventReactor.Reactor.Tests.Minions;

/// <summary>Minions given by the test, present or lost, with optional grains.</summary>
internal sealed class FakeMinionStore : IMinionStore
{
    private readonly List<MinionRecord> _minions = [];

    public FakeMinionStore With(string id, bool present = true, string? grains = null)
    {
        var now = DateTimeOffset.UtcNow;
        _minions.Add(new MinionRecord(id, now, now, present, 10, grains is null ? null : JsonDocument.Parse(grains).RootElement.Clone()));
        return this;
    }

    public Task<IReadOnlyList<MinionRecord>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MinionRecord>>(_minions);

    public Task<MinionRecord?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_minions.FirstOrDefault(m => m.Id == id));

    public Task SaveAsync(MinionRecord minion, CancellationToken cancellationToken)
    {
        _minions.RemoveAll(m => m.Id == minion.Id);
        _minions.Add(minion);
        return Task.CompletedTask;
    }
}
