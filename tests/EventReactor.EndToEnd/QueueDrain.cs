using System.Diagnostics;

namespace EventReactor.EndToEnd;

/// <summary>
/// Waits until the reactor's queues (its partitions) are empty: after a flood it still consumes its own fired events, and a latency
/// phase started then would measure that backlog, not the reaction.
/// </summary>
internal static class QueueDrain
{
    public static async Task WaitAsync(BenchSettings settings, TimeSpan timeout)
    {
        await using var connection = await BrokerConnections.OpenAsync(settings, "bench-drain");
        await using var channel = await connection.CreateChannelAsync();
        var started = Stopwatch.GetTimestamp();
        while (await QueueDepthSampler.ReadAsync(channel, settings) > 0 && Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(100);
        }

        // Deliveries in flight and the audit's last batch.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }
}
