using EventReactor.Messaging;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests;

/// <summary>An outbox drainer over a test data folder, publishing to the given bus; not started.</summary>
internal static class TestDrainers
{
    public static OutboxDrainer Over(TempDataFolder data, IEventPublisher bus, MinionOptions? options = null)
    {
        options ??= new MinionOptions { Id = "m1" };
        return new OutboxDrainer(new OutboxStore(data.Open(), 10), new OutboxSignal(), bus, TestPipelines.For(options), Options.Create(options), NullLogger<OutboxDrainer>.Instance);
    }
}
