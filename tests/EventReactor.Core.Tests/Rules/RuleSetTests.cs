using EventReactor.Core.Diagnostics;
using EventReactor.Core.Rules;
using EventReactor.Core.Tags;
using EventReactor.Core.Tests.Tags;

namespace EventReactor.Core.Tests.Rules;

public sealed class RuleSetTests
{
    private static readonly string[] Patterns =
    [
        "minion/web1/docker/container/die", "minion/*", "minion/*/docker/container/die", "minion/web?/docker/*",
        "*", "*/die", "ci/build/finished", "ci/*", "minion/[!w]*", "minion/web1/*", "", "minion/", "[ab]*",
        "minion/web1/docker/container/die", "minion/we", "*container*", "pool/*/join", "[", "minion/[w]eb1/*", "*/docker/container/die", "minion/*1/docker/container/die", "minion/web?/docker/container/oom",
        "ci/*/finished", "*e", "*ie",
    ];

    private static readonly string[] Tags =
    [
        "minion/web1/docker/container/die", "minion/web2/docker/container/start", "minion/gpu7/docker/container/die",
        "ci/build/finished", "ci/build", "", "minion/", "minion/we", "a", "b/die", "pool/x/join", "[", "zzz",
        "minion/web1", "minion/web1/docker/container/oom",
    ];

    private static Rule RuleOn(string name, params string[] globs) => new()
    {
        Name = name,
        Location = new SourceLocation("r.yaml", 1, 1),
        On = [.. globs.Select(TagGlob.Parse)],
        Actions = [],
        Vars = new Dictionary<string, object?>(),
    };

    [Fact]
    public void Match_RandomRuleSets_SameAsTestingEveryGlobInOrder()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var rules = Enumerable.Range(0, random.Next(0, 30))
                .Select(i => RuleOn($"r{i}", [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Patterns[random.Next(Patterns.Length)])]))
                .ToList();
            var ruleSet = new RuleSet(rules, []);

            foreach (var tag in Tags)
            {
                var expected = rules.Where(rule => rule.MatchesTag(tag)).Select(rule => rule.Name);
                Assert.Equal(expected, ruleSet.Match(tag).Select(rule => rule.Name));
            }
        }
    }

    [Fact]
    public void Match_EveryFnmatchFixturePatternAsARule_SameAsTestingEveryGlob()
    {
        var cases = TagGlobTests.FnmatchCases().Select(row => ((string)row[0], (string)row[1])).ToList();
        var patterns = cases.Select(c => c.Item1).Distinct().ToList();
        var rules = patterns.Select((pattern, i) => RuleOn($"r{i}", pattern)).ToList();
        var ruleSet = new RuleSet(rules, []);

        foreach (var tag in cases.Select(c => c.Item2).Distinct())
        {
            var expected = rules.Where(rule => rule.MatchesTag(tag)).Select(rule => rule.Name);
            Assert.Equal(expected, ruleSet.Match(tag).Select(rule => rule.Name));
        }
    }

    [Fact]
    public void Match_RuleWithSeveralMatchingGlobs_AppearsOnce()
    {
        var ruleSet = new RuleSet([RuleOn("a", "x/y", "x/*", "*"), RuleOn("b", "x/y")], []);

        Assert.Equal(["a", "b"], ruleSet.Match("x/y").Select(rule => rule.Name));
    }

    [Fact]
    public void Match_ManyThreadsAtOnce_EachGetsItsOwnAnswer()
    {
        var ruleSet = new RuleSet([RuleOn("a", "x/*"), RuleOn("b", "*/y"), RuleOn("c", "*z*"), RuleOn("d", "x/y")], []);
        string[] tags = ["x/y", "x/q", "w/y", "azb", "none"];
        var expected = tags.Select(tag => string.Join(",", ruleSet.Match(tag).Select(rule => rule.Name))).ToArray();

        Parallel.For(0, 20_000, i =>
        {
            var tag = tags[i % tags.Length];
            Assert.Equal(expected[i % tags.Length], string.Join(",", ruleSet.Match(tag).Select(rule => rule.Name)));
        });
    }

    [Fact]
    public void Match_NoRuleMatches_Empty()
    {
        Assert.Empty(new RuleSet([RuleOn("a", "x/*")], []).Match("y"));
    }
}
