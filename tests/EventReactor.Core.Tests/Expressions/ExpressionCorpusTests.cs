using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Tests.Expressions;

/// <summary>
/// The corpus the differential tests ran against the Cel package, kept now that the package is retired: every
/// expression compiles, evaluates to a value that renders or to an expression error, on every event. The cases
/// where the package deviated from CEL (and the old fast path copied it on purpose) are pinned to CEL's answer.
/// </summary>
public sealed class ExpressionCorpusTests
{
    private static readonly SourceLocation At = new("r.yaml", 1, 1);

    private static readonly string[] Data =
    [
        """{"exitCode": 3, "image": "bench/stream:1", "name": "bench-1", "memory": 2097152, "ratio": 0.75, "flag": true, "nothing": null, "labels": {"team": "gpu", "bench.run": "r1"}, "gpus": [{"model": "Tesla K80", "memory": 12}, {"model": "H100", "memory": 80}], "tags": ["a", "b", "c"], "counts": [1, 2, 3], "big": 9223372036854775807}""",
        """{"exitCode": 0, "image": "nginx:latest", "name": "web", "memory": 512, "ratio": 2.0, "flag": false, "nothing": null, "labels": {}, "gpus": [], "tags": [], "counts": [], "big": -9223372036854775808}""",
        """{"exitCode": -1, "image": "", "name": "héllo", "memory": 1.5e9, "ratio": 1, "flag": true, "labels": {"team": "cpu"}, "gpus": [{"model": "A100"}], "tags": ["b"], "counts": [2.5, 1]}""",
        """{"image": "bench/x", "labels": {"team": 7}, "tags": "notalist", "counts": [1, "x"]}""",
        "{}",
    ];

    private static readonly Dictionary<string, object?> Vars = new()
    {
        ["threshold"] = 2L,
        ["team"] = "gpu",
        ["limit"] = 1.5,
        ["teams"] = new List<object?> { "gpu", "cpu" },
        ["nested"] = new Dictionary<string, object?> { ["depth"] = 3L, ["name"] = "n" },
        ["on"] = true,
    };

    private static readonly string[] Atoms =
    [
        "event.data.exitCode", "event.data.memory", "event.data.ratio", "event.data.image", "event.data.name", "event.data.flag",
        "event.data.nothing", "event.data.missing", "event.minion", "event.tag", "event.depth", "vars.threshold", "vars.team",
        "vars.limit", "vars.nested.depth", "1", "0", "2.5", "'bench/x'", "\"gpu\"", "true", "null", "3u", "-1", "[1, 2]",
        "event.data.labels['team']", "event.data.gpus[0].model", "event.data.tags[1]", "size(event.data.tags)",
        "event.data.labels", "event.data.counts[0]", "event.data.big", "1024 * 1024", "event.data.gpus[0].memory",
    ];

    private static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "in"];

    private static readonly string[] Conditions =
    [
        "event.data.exitCode != 0", "event.data.flag", "event.data.missing == 1", "false", "true",
        "event.data.image.startsWith('bench/')", "has(event.data.exitCode)", "1 / 0 == 1", "event.data.labels['team'] == 'gpu'",
        "event.data.memory > 1024 * 1024", "event.data.nothing == null", "event.data.ratio < 1.0", "!event.data.flag",
        "event.data.tags.exists(t, t == 'b')", "event.data.name == 3",
    ];

    private static readonly string[] Handwritten =
    [
        "event.data.exitCode != 0 && event.data.image.startsWith('bench/')",
        "event.data.gpus.exists(g, g.model.contains('K80'))",
        "event.data.gpus.all(g, g.memory > 10)",
        "event.data.gpus.exists_one(g, g.model == 'H100')",
        "event.data.gpus.map(g, g.model).size()",
        "size(event.data.gpus.filter(g, g.memory > 20))",
        "event.data.counts.map(c, c * 2)[0]",
        "event.data.tags.filter(t, t != 'a').size() == 2",
        "event.data.labels.exists(k, k.startsWith('bench'))",
        "'team' in event.data.labels",
        "'x' in event.data.labels",
        "'b' in event.data.tags",
        "event.data.exitCode in [1, 2, 3]",
        "event.data.team in vars.teams",
        "vars.team in vars.teams",
        "event.data.image.matches('^bench/[a-z]+')",
        "event.data.name.matches('é')",
        "event.data.image.endsWith(':1')",
        "event.data.name.size()",
        "size(event.data.name)",
        "size(event.data.labels)",
        "size('héllo')",
        "has(event.data.labels.team)",
        "has(event.minion)",
        "has(event.data.missing.x)",
        "has(vars.team)",
        "has(vars.nope)", "has(event.data.nothing)", "has(vars.nested.name)", "has(event.causedBy)", "has(event.data.gpus)", "has(event.data.labels)", "has(event.data.tags)", "has(event.data.image)",
        "has(event.data.flag)", "has(vars.teams)", "has(event.data.gpus) && event.data.gpus[0].memory > 1",
        "event.data.exitCode == 0 ? 'ok' : 'failed'",
        "event.data.exitCode > 0 ? event.data.exitCode : -event.data.exitCode",
        "event.data.flag ? 1 : 2.0",
        "event.data.exitCode ? 1 : 2",
        "-event.data.ratio",
        "-event.data.big",
        "!!event.data.flag",
        "event.data.big + 1",
        "event.data.big * 2",
        "-9223372036854775808",
        "-9223372036854775807 - 1",
        "event.data.big - -1",
        "7 / 2", "7 % 3", "-7 / 2", "-7 % 3", "7.0 / 2.0", "1.0 / 0.0", "5u / 2u", "1u - 2u", "5u % 0u", "5 % 0",
        "'a' + 'b'", "event.data.image + ':' + event.data.name", "[1] + [2]", "'a' < 'b'", "'B' < 'a'", "true < false",
        "1 == 1.0", "1 < 1.5", "1u == 1", "1u < 2u", "null == null", "event.minion == null", "event.data.nothing != null",
        "event.tag.startsWith('minion/') && event.minion == 'm1'", "event.depth == 0", "event.depth + 1",
        "event.source", "event.id.size() > 0", "event.causedBy == null", "event.time.startsWith('20')",
        "event.data.missing", "event.data.missing || true", "true || event.data.missing", "event.data.missing && false",
        "false && event.data.missing", "event.data.missing.x", "event.data.tags[5]", "event.data.tags[-1]",
        "event.data.gpus[0]['model']", "event.data['labels']['team']", "event['tag']", "event.nope",
        "vars.nested['name']", "vars.teams[1]", "vars.teams.exists(t, t == event.data.labels.team)",
        "vars.on && vars.threshold < event.data.exitCode", "vars.limit * 2.0",
        "event.data.tags.all(t, t.size() == 1)", "event.data.counts.exists(c, c > 1)",
        "event.data.gpus.exists(g, g.model.startsWith('A'))", "event.data.tags.exists(t, t == 'a') || event.data.flag",
        "[1, 2, 3].exists(x, x == 2)", "[1, 'a'].exists(x, x == 1)", "[1, 2].map(x, x + 1)[1]",
        "['a', 'b'].filter(x, x > 'a').size()", "[].size()", "[[1], [2]][1][0]",
        "event.data.labels.team.startsWith('g')", "event.data.name.contains(1)",
        "int(event.data.ratio) == 0", "string(event.data.exitCode)", "double(event.data.exitCode) > 1.0",
        "timestamp(event.time) > timestamp('2020-01-01T00:00:00Z')", "{'a': 1}.a", "r'raw' == 'raw'", "'a\\tb'.size()",
        "0x10 == 16", "b'x' == b'x'", "'''triple''' == 'triple'", "\"\" == ''", "1e3 == 1000.0", "2.5e-1 < 1.0",
        "event.data.exitCode != 0 && event.data.exitCode != 137", "(event.data.exitCode + 1) * 2 > 5",
        "event.data.memory / 1024 > 1024", "event.data.memory % 2 == 0",
        "true ? 1 : event.data.missing", "false ? event.data.missing : 2", "[2, 'a'].all(x, x == 1)", "['a', 1].exists(x, x == 1)",
        "[1, 1].exists_one(x, x == 1)", "[1, 'a'].exists_one(x, x == 1)", "event.data.tags.map(t, event.data.missing).size()",
        "event.minion != null && event.minion.startsWith('m')", "size(event.data.tags) == size(event.data.gpus)",
        "size(event.data.tags) < 2u", "size(event.data.tags) == 1.0", "size(event.data.tags) in [1, 3]", "size(event.data.tags) + 1",
        "size(event.data.tags) > 1 && size(event.data.gpus) >= 2", "[size(event.data.tags)].exists(n, n == 3)",
        "\"it's\" == 'it' + \"'s\"", "'ünï' + 'cødé' == 'ünïcødé'", "'😀'.size()", "event.data.name.startsWith('h')",
        "event.data.gpus.exists(g, has(g.memory) && g.memory > 40)", "event.data.gpus.all(g, g.model.matches('^[A-Z]'))",
        "event.data.labels.all(k, event.data.labels[k] != '')", "event.data.counts.exists_one(c, c == 1)",
        "event.data.tags.map(t, t + '!').filter(t, t != 'a!').size()", "event.data.tags.exists(t, t.exists(u, u == 'a'))", "event.data.image == null", "null != event.data.exitCode",
        "event.data.flag != null", "event.data.ratio == null", "event.data.labels == null", "[1] == null", "3u != null",
        "size(event.data.gpus) >= 2 || (event.minion != null && event.minion.startsWith('gpu'))",
        "event.data.image.endsWith(':latest') ? event.data.memory < 512 * 1024 * 1024 : event.data.labels['bench.run'] != ''",
    ];

    public static TheoryData<string> Expressions()
    {
        var data = new TheoryData<string>();
        foreach (var expression in Corpus())
        {
            data.Add(expression);
        }

        return data;
    }

    private static IEnumerable<string> Corpus()
    {
        var random = new Random(42);
        var expressions = new List<string>(Handwritten);
        for (var i = 0; i < 220; i++)
        {
            expressions.Add($"{Atoms[random.Next(Atoms.Length)]} {Operators[random.Next(Operators.Length)]} {Atoms[random.Next(Atoms.Length)]}");
        }

        foreach (var left in Conditions)
        {
            foreach (var op in (string[])["&&", "||"])
            {
                expressions.Add($"{left} {op} {Conditions[random.Next(Conditions.Length)]}");
                expressions.Add($"{Conditions[random.Next(Conditions.Length)]} {op} {left}");
            }
        }

        foreach (var atom in Atoms)
        {
            expressions.Add(atom);
        }

        return expressions.Distinct();
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Evaluate_EveryEvent_ValueOrExpressionErrorAndRenders(string text)
    {
        CelExpression expression;
        try
        {
            expression = CelCompiler.Compile(text, At);
        }
        catch (RuleSyntaxException ex)
        {
            Assert.Fail($"'{text}' is CEL but did not compile: {ex.Diagnostic}");
            return;
        }

        foreach (var data in Data)
        {
            try
            {
                // Whatever the value, typed rendering must write it.
                Assert.NotEqual(JsonValueKind.Undefined, CelValues.ToJson(expression.Evaluate(ScopeFor(data))).ValueKind);
            }
            catch (ExpressionException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
            }
        }
    }

    [Theory]
    [InlineData("has(event.data.nothing)", "true")]
    [InlineData("has(event.data.labels)", "true")]
    [InlineData("size(event.data.tags) == 3", "true")]
    [InlineData("type(size(event.data.tags)) == int", "true")]
    [InlineData("event.data.missing || true", "true")]
    [InlineData("event.data.missing && false", "false")]
    [InlineData("1.0 / 0.0 > 1e308", "true")]
    public void Evaluate_WherePackageDeviated_FollowsCel(string text, string expected)
    {
        Assert.Equal(expected, CelValues.ToText(CelCompiler.Compile(text, At).Evaluate(ScopeFor(Data[0]))));
    }

    // The empty payload comes from another service, so its event has no minion.
    private static EvaluationScope ScopeFor(string data) => data == "{}"
        ? new(EventEnvelope.Create("ci/build/finished", "/ci", JsonDocument.Parse(data).RootElement), Vars)
        : new(EventEnvelope.Create("minion/m1/docker/container/die", "/minion/m1", JsonDocument.Parse(data).RootElement, "m1"), Vars);
}
