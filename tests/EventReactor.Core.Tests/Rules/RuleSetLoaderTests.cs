using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Rules;

namespace EventReactor.Core.Tests.Rules;

public sealed class RuleSetLoaderTests
{
    private static RuleSetLoadResult Load(string text, string file = "r.yaml") =>
        new RuleSetLoader(TestActions.Catalog).Load([(file, text)]);

    private static string Errors(RuleSetLoadResult result) => string.Join("\n", result.Diagnostics);

    [Fact]
    public void Load_IssueExample_ParsesRule()
    {
        var result = Load("""
            rules:
              - name: announce-nonzero-exit
                on: minion/*/docker/container/die        # one glob or a list of globs
                when: event.data.exitCode != 0
                do:
                  - event.fire:
                      tag: demo/died
                      data:
                        container: ${{ event.data.name }}
                        exit: ${{ event.data.exitCode }}
            """);

        Assert.True(result.IsValid, Errors(result));
        var rule = Assert.Single(result.RuleSet!.Rules);
        Assert.Equal("announce-nonzero-exit", rule.Name);
        Assert.Equal("event.data.exitCode != 0", rule.When!.Text);
        Assert.Equal("event.fire", Assert.Single(rule.Actions).Name);
        Assert.True(rule.MatchesTag("minion/a/docker/container/die"));
    }

    [Fact]
    public void Load_YamlError_ReportsLineAndColumn()
    {
        var result = Load("rules:\n  - name: x\n    on: [a, b\n    do: []\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(4, diagnostic.Location.Line);
        Assert.StartsWith("r.yaml:4:", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("YAML", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnquotedTemplateInFlowMapping_HintsToQuoteIt()
    {
        var result = Load("rules:\n  - name: x\n    on: a\n    do: [ { event.fire: { tag: t, data: { n: ${{ event.data.x }} } } } ]\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(4, diagnostic.Location.Line);
        Assert.Contains("YAML", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("n: \"${{ event.data.x }}\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YamlErrorWithoutTemplate_GivesNoQuotingHint()
    {
        var result = Load("rules:\n  - name: x\n    on: a\n    do: [ { event.fire: { tag: t, data: { n: 1 } } ]\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.DoesNotContain("quote a", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QuotedTemplateInFlowMapping_KeepsTheExpressionsType()
    {
        var result = Load("rules:\n  - name: x\n    on: a\n    do: [ { event.fire: { tag: t, data: { n: \"${{ event.data.x }}\" } } } ]\n");
        var envelope = new EventEnvelope { Id = "1", Tag = "a", Source = "test", Time = DateTimeOffset.UnixEpoch, Data = JsonDocument.Parse("""{"x":7}""").RootElement };

        Assert.True(result.IsValid, Errors(result));
        var verdict = Assert.Single(new RuleEvaluator(8, OpenThrottleGate.Instance).Evaluate(result.RuleSet!, envelope));
        var data = Assert.IsType<Dictionary<string, object?>>(Assert.Single(verdict.Actions).Arguments!["data"], exactMatch: false);
        Assert.Equal(7L, data["n"]);
    }

    [Fact]
    public void Load_UnknownAction_PointsAtActionName()
    {
        var result = Load("rules:\n  - name: x\n    on: a\n    do:\n      - sms.send: { to: me }\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("r.yaml:5:9", diagnostic.Location.ToString());
        Assert.Contains("unknown action 'sms.send'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("event.fire", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingArgument_NamesIt()
    {
        var result = Load("rules:\n  - name: x\n    on: a\n    do:\n      - event.fire: { data: {} }\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("r.yaml:5:9", diagnostic.Location.ToString());
        Assert.Contains("needs argument 'tag'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownArgumentAndWrongType_ReportsBoth()
    {
        var result = Load("rules:\n  - name: x\n    on: a\n    do:\n      - log:\n          mesage: hi\n          level: 3\n          message: ok\n");

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Contains(result.Diagnostics, d => d.Location.ToString() == "r.yaml:6:11" && d.Message.Contains("unknown argument 'mesage'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Location.ToString() == "r.yaml:7:18" && d.Message.Contains("must be a string, not an integer", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CelSyntaxErrorInWhen_PointsInsideExpression()
    {
        // 'when: ' puts the expression at column 11; the stray ')' is 23 characters in.
        var result = Load("rules:\n  - name: x\n    on: a\n    when: event.data.exitCode != )\n    do:\n      - log: { message: hi }\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("r.yaml:4:34", diagnostic.Location.ToString());
        Assert.Contains("CEL", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CelSyntaxErrorInQuotedTemplate_PointsInsideExpression()
    {
        var result = Load("rules:\n  - name: x\n    on: a\n    do:\n      - log: { message: \"n=${{ 1 + }}\" }\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(5, diagnostic.Location.Line);

        // The quote is at column 25, so '1' is at 32; the parser stops at the end of '1 +', column 35.
        Assert.Equal(35, diagnostic.Location.Column);
    }

    [Fact]
    public void Load_UnknownRuleKeyAndMissingOn_ReportsEach()
    {
        var result = Load("rules:\n  - name: x\n    wehn: true\n    do:\n      - log: { message: hi }\n");

        Assert.Contains(result.Diagnostics, d => d.Location.ToString() == "r.yaml:3:5" && d.Message.Contains("unknown key 'wehn'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("needs 'on'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateNamesAcrossFiles_PointsAtSecond()
    {
        const string Text = "rules:\n  - name: same\n    on: a\n    do:\n      - log: { message: hi }\n";
        var result = new RuleSetLoader(TestActions.Catalog).Load([("a.yaml", Text), ("b.yaml", Text)]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("b.yaml:2:5", diagnostic.Location.ToString());
        Assert.Contains("already used at a.yaml:2:5", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_IsValidAndEmpty()
    {
        var result = Load("# nothing yet\n");

        Assert.True(result.IsValid);
        Assert.Empty(result.RuleSet!.Rules);
    }

    [Fact]
    public void Match_SeveralRules_KeepsFileThenPositionOrder()
    {
        const string Second = "rules:\n  - name: b1\n    on: x/*\n    do:\n      - log: { message: hi }\n";
        const string First = "rules:\n  - name: a1\n    on: [nope, x/y]\n    do:\n      - log: { message: hi }\n  - name: a2\n    on: '*'\n    do:\n      - log: { message: hi }\n";
        var result = new RuleSetLoader(TestActions.Catalog).Load([("a.yaml", First), ("b.yaml", Second)]);

        Assert.Equal(["a1", "a2", "b1"], result.RuleSet!.Match("x/y").Select(r => r.Name));
        Assert.Equal(["a2"], result.RuleSet.Match("z").Select(r => r.Name));
    }

    [Fact]
    public void Load_Folder_ReadsYamlFilesSortedByName()
    {
        var folder = Directory.CreateTempSubdirectory("rules-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "b.yaml"), "rules:\n  - name: b\n    on: t\n    do:\n      - log: { message: hi }\n");
            File.WriteAllText(Path.Combine(folder.FullName, "a.yml"), "rules:\n  - name: a\n    on: t\n    do:\n      - log: { message: hi }\n");
            File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "not a rule file");

            var result = new RuleSetLoader(TestActions.Catalog).Load([folder.FullName]);

            Assert.True(result.IsValid, Errors(result));
            Assert.Equal(["a", "b"], result.RuleSet!.Rules.Select(r => r.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
