using System.Diagnostics;
using System.Globalization;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Options;

namespace EventReactor.Benchmarks.Trust;

/// <summary>
/// "trust [count]": what issue #11's checks add to every event the reactor receives: the key gate and, with broker
/// identity on, the <c>user_id</c> check (<see cref="MinionEventTrust"/>, the one call event processing makes). The peer
/// is what the reactor does to every delivery anyway, parsing its JSON. Single thread, median of three passes.
/// </summary>
internal static class EventTrustBenchmark
{
    private const int Repetitions = 3;
    private const int Minions = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args is [var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 200_000;
        var ids = Enumerable.Range(0, Minions).Select(i => $"bench-{i:D3}").ToArray();
        var identity = new BrokerIdentityCheck(
            Options.Create(new BrokerIdentityOptions { Enabled = true }),
            Options.Create(new BusOptions { Url = "rabbitmq://eventreactor:secret@localhost:5672/" }));
        var trust = new MinionEventTrust(new AcceptedMinions(ids), identity);
        var events = Enumerable.Range(0, count)
            .Select(i => EventEnvelope.Create($"minion/{ids[i % Minions]}/docker/container/die", $"/minion/{ids[i % Minions]}", minion: ids[i % Minions]))
            .ToArray();
        var senders = events.Select(e => EventSender.FromBus(BrokerPermissions.User(e.Minion!))).ToArray();
        var json = events.Select(e => CloudEventJson.SerializeToUtf8Bytes(e)).ToArray();

        var parse = await TimeAsync(count, i => new ValueTask<bool>(CloudEventJson.Deserialize(json[i]).Id.Length > 0));
        var check = await TimeAsync(count, async i => await trust.VerdictAsync(events[i], senders[i], CancellationToken.None) is null);
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"trust: {count:N0} events of {json[0].Length} bytes from {Minions} accepted minions, median of {Repetitions} passes, one thread"));
        Console.WriteLine(string.Create(invariant, $"parse the delivery's JSON (the peer)        {parse,8:F3} µs/event"));
        Console.WriteLine(string.Create(invariant, $"key gate + user_id check (identity on)     {check,8:F3} µs/event"));
        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"trust_check_us={check:F3}"));
        Console.WriteLine(string.Create(invariant, $"parse_us={parse:F3}"));
        Console.WriteLine(string.Create(invariant, $"trust_vs_parse_ratio={check / parse:F3}"));
        return 0;
    }

    // Median microseconds per call; each call must pass, so a check that refused would stop the benchmark.
    private static async Task<double> TimeAsync(int count, Func<int, ValueTask<bool>> step)
    {
        var perCall = new List<double>(Repetitions);
        for (var repetition = 0; repetition <= Repetitions; repetition++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                if (!await step(i))
                {
                    throw new InvalidOperationException($"event {i} did not pass");
                }
            }

            if (repetition > 0)
            {
                perCall.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / count);
            }
        }

        perCall.Sort();
        return perCall[perCall.Count / 2];
    }
}
