using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Benchmarks;

/// <summary>Deterministic Docker-shaped events (and a share of other services' events) that each match at most five rules.</summary>
internal static class EventGenerator
{
    private const int MaxMatches = 5;

    public static EventEnvelope[] Generate(int count, Func<string, int> countMatches, Random random)
    {
        var tags = TagPool(4096, countMatches, random);
        var payloads = Enumerable.Range(0, 2048).Select(_ => Payload(random)).ToArray();
        var time = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var events = new EventEnvelope[count];
        for (var i = 0; i < count; i++)
        {
            var (tag, minion) = tags[random.Next(tags.Length)];
            events[i] = new EventEnvelope
            {
                Id = $"evt-{i:D7}",
                Tag = tag,
                Source = minion is null ? "/ci" : $"/minion/{minion}",
                Time = time.AddMilliseconds(i),
                Minion = minion,
                Data = payloads[random.Next(payloads.Length)],
            };
        }

        return events;
    }

    // Distinct tags, each checked against the rules so no event matches more than five.
    private static (string Tag, string? Minion)[] TagPool(int size, Func<string, int> countMatches, Random random)
    {
        var pool = new List<(string, string?)>(size);
        while (pool.Count < size)
        {
            var candidate = Tag(random);
            if (countMatches(candidate.Tag) <= MaxMatches)
            {
                pool.Add(candidate);
            }
        }

        return [.. pool];
    }

    private static (string Tag, string? Minion) Tag(Random random)
    {
        var minion = SyntheticWorld.Minions[random.Next(SyntheticWorld.Minions.Length)];
        return random.Next(10) switch
        {
            < 6 => ($"minion/{minion}/docker/container/{SyntheticWorld.Actions[random.Next(SyntheticWorld.Actions.Length)]}", minion),
            6 => ($"ci/{SyntheticWorld.Project(random.Next(SyntheticWorld.ProjectCount))}/build/finished", null),
            7 => ($"bench/{SyntheticWorld.Run(random.Next(SyntheticWorld.RunCount))}/{SyntheticWorld.Stage(random.Next(SyntheticWorld.StageCount))}", null),
            8 => ($"pool/{SyntheticWorld.Pool(random.Next(SyntheticWorld.PoolCount))}/{(random.Next(2) == 0 ? "join" : "leave")}", null),
            _ => ($"job/{random.Next(100000):D6}/ret/{minion}", minion),
        };
    }

    private static JsonElement Payload(Random random)
    {
        var team = (string[])["gpu", "cpu", "fpga", "storage"];
        var models = (string[])["Tesla K80", "A100", "H100", "K520"];
        var gpus = Enumerable.Range(0, random.Next(4)).Select(_ => new { model = models[random.Next(models.Length)], memory = 16 << random.Next(4) });
        var image = random.Next(3) switch { 0 => "bench/stream:1.2", 1 => "nginx:latest", _ => "bench/hpl:2.3" };
        var payload = new Dictionary<string, object>
        {
            ["id"] = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())),
            ["name"] = random.Next(2) == 0 ? $"bench-{random.Next(1000)}" : $"svc_{random.Next(1000)}",
            ["image"] = image,
            ["action"] = "die",
            ["memory"] = (long)random.Next(1, 8192) * 1024 * 1024 / random.Next(1, 64),
            ["labels"] = new Dictionary<string, string> { ["team"] = team[random.Next(team.Length)], ["bench.run"] = $"r{random.Next(50)}" },
            ["gpus"] = gpus,
            ["attributes"] = new Dictionary<string, string> { ["image"] = image },
        };
        if (random.Next(2) == 0)
        {
            payload["exitCode"] = random.Next(4) switch { 0 => 0, 1 => 137, 2 => 143, _ => random.Next(1, 5) };
        }

        return JsonSerializer.SerializeToElement(payload);
    }
}
