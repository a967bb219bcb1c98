using EventReactor.Messaging;
using EventReactor.Reactor;

namespace EventReactor.EndToEnd;

/// <summary>Removes what an earlier, interrupted run may have left in the benchmark's virtual host.</summary>
internal static class BrokerReset
{
    public static async Task RunAsync(BenchSettings settings)
    {
        await using var connection = await BrokerConnections.OpenAsync(settings, "bench-reset");
        await using var channel = await connection.CreateChannelAsync();
        // Every partition queue an earlier run may have had, whatever its count: one left bound takes its share of events.
        for (var i = 0; i < ReactorOptions.MaxPartitions; i++)
        {
            await channel.QueueDeleteAsync(EventBusNames.PartitionQueue(i), ifUnused: false, ifEmpty: false);
        }
    }
}
