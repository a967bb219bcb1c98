using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using EventReactor.Core.Tags;

namespace EventReactor.Benchmarks;

/// <summary>Deterministic rules of realistic shape: mostly exact tags, then prefix globs, wildcards in the middle, a few ? and [..].</summary>
internal static class RuleGenerator
{
    private static readonly string[] Conditions =
    [
        "has(event.data.exitCode) && event.data.exitCode != 0 && event.data.image.startsWith('bench/')",
        "event.data.labels['team'] == 'gpu'",
        "event.data.memory > 1024 * 1024",
        "event.data.labels['team'] == vars.team && event.data.memory >= vars.minMemory",
        "event.data.name.matches('^bench-[0-9]+$')",
        "event.data.labels['team'] in ['gpu', 'fpga']",
        "event.data.gpus.exists(g, g.model.contains('H100'))",
        "size(event.data.gpus) >= 2 || (event.minion != null && event.minion.startsWith('gpu'))",
        "has(event.data.exitCode) && event.data.exitCode != 0 && event.data.exitCode != 143",
        "event.data.image.endsWith(':latest') ? event.data.memory < 512 * 1024 * 1024 : event.data.labels['bench.run'] != ''",
    ];

    public static RuleSet Generate(int count, double conditionShare, Random random)
    {
        var files = Enumerable.Range(0, 10).Select(i => new Dictionary<string, object?>
        {
            ["team"] = i % 2 == 0 ? "gpu" : "cpu",
            ["minMemory"] = 1024L * 1024 * (i + 1),
        }).ToArray();
        var rules = new List<Rule>(count);
        for (var i = 0; i < count; i++)
        {
            var location = new SourceLocation($"rules-{i % 10:D2}.yaml", i + 1, 1);
            rules.Add(new Rule
            {
                Name = $"rule-{i:D4}",
                Location = location,
                On = [.. Globs(i, random).Select(TagGlob.Parse)],
                When = random.NextDouble() < conditionShare
                    ? CelCompiler.Compile(Conditions[random.Next(Conditions.Length)], location)
                    : null,
                Actions = [],
                Vars = files[i % 10],
            });
        }

        return new RuleSet(rules, [.. Enumerable.Range(0, 10).Select(i => $"rules-{i:D2}.yaml")]);
    }

    // Rule i's globs. Specific enough that an event matches few rules, as real rule sets are.
    private static IEnumerable<string> Globs(int i, Random random)
    {
        var minion = SyntheticWorld.Minions[random.Next(SyntheticWorld.Minions.Length)];
        var action = SyntheticWorld.Actions[random.Next(SyntheticWorld.Actions.Length)];
        var kind = random.Next(100);
        if (kind < 45)
        {
            yield return $"minion/{minion}/docker/container/{action}";
            if (random.Next(4) == 0)
            {
                yield return $"minion/{minion}/docker/container/{SyntheticWorld.Actions[random.Next(SyntheticWorld.Actions.Length)]}";
            }
        }
        else if (kind < 60)
        {
            yield return $"ci/{SyntheticWorld.Project(random.Next(SyntheticWorld.ProjectCount))}/build/finished";
        }
        else if (kind < 75)
        {
            yield return random.Next(3) switch
            {
                0 => $"minion/{minion}/*",
                1 => $"bench/{SyntheticWorld.Run(random.Next(SyntheticWorld.RunCount))}/*",
                _ => $"pool/{SyntheticWorld.Pool(random.Next(SyntheticWorld.PoolCount))}/*",
            };
        }
        else if (kind < 95)
        {
            // Wildcards in the middle: each names something specific after the star.
            yield return random.Next(3) switch
            {
                0 => $"minion/*{minion[^4..]}/docker/container/{action}",
                1 => $"bench/*/{SyntheticWorld.Stage(random.Next(SyntheticWorld.StageCount))}",
                _ => $"job/*/ret/{minion}",
            };
        }
        else
        {
            yield return random.Next(2) == 0
                ? $"minion/{minion[..^1]}?/docker/container/{action}"
                : $"*/{SyntheticWorld.Pool(random.Next(SyntheticWorld.PoolCount))}/[jl]*";
        }
    }
}
