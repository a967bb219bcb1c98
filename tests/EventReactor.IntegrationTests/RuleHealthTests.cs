using System.Net.Http.Json;
using System.Text.Json;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary>Rule health as an operator reads it from the CLI: <c>rules stats</c>, <c>status</c> and <c>rules check --live</c> against a running reactor.</summary>
[Collection(ServicesCollection.Name)]
public sealed class RuleHealthTests
{
    [Fact]
    public async Task RulesStats_AfterEvents_CountsPerRuleAndFlagsTheNeverMatchedAndTheErroringRule()
    {
        using var workspace = new TestWorkspace();
        var id = workspace.Id;
        workspace.WithRules("health.yaml", $$$"""
            rules:
              - name: healthy
                on: stats/{{{id}}}/in
                do:
                  - log: { message: "build ${{ event.data.build }}" }
              - name: broken-condition
                on: stats/{{{id}}}/in
                when: event.data.missing.size > 1
                do:
                  - log: { message: "never" }
              - name: forgotten
                on: stats/{{{id}}}/nothing-sends-this
                do:
                  - log: { message: "never" }
            """);
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{id}", waitForDocker: false);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        for (var build = 0; build < 6; build++)
        {
            (await http.PostAsJsonAsync("/api/events", new { tag = $"stats/{id}/in", data = new { build } })).EnsureSuccessStatusCode();
        }

        // The audit is written in batches just after the events: ask until all six are counted.
        JsonElement healthy = default;
        for (var tries = 0; tries < 50 && (healthy.ValueKind == JsonValueKind.Undefined || healthy.GetProperty("matched").GetInt64() < 6); tries++)
        {
            await using var json = CliProcess.Start(["rules", "stats", "--json", "--since", "1h", "--server", workspace.Server]);
            Assert.Equal(0, await json.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            using var report = JsonDocument.Parse(string.Join('\n', json.Stdout));
            healthy = report.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "healthy").Clone();
            await Task.Delay(200);
        }

        Assert.Equal(6, healthy.GetProperty("fired").GetInt64());
        Assert.Equal(6, healthy.GetProperty("actionsRun").GetInt64());
        Assert.Empty(healthy.GetProperty("flags").EnumerateArray());

        await using var stats = CliProcess.Start(["rules", "stats", "--server", workspace.Server]);
        Assert.Equal(0, await stats.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var table = stats.Stdout.ToList();
        Assert.Matches(@"^RULE\s+MATCHED\s+FIRED\s+COND ERRORS\s+THROTTLED\s+ACTIONS RUN\s+FAILED\s+LAST FIRED\s+FLAGS$", table[1]);
        Assert.Matches(@"^healthy\s+6\s+6\s+0\s+0\s+6\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+-$", table[2]);
        Assert.Matches(@"^broken-condition\s+6\s+0\s+6\s+0\s+0\s+0\s+never\s+condition-errors$", table[3]);
        Assert.Matches(@"^forgotten\s+0\s+0\s+0\s+0\s+0\s+0\s+never\s+never-matched$", table[4]);
        Assert.Contains("2 of 3 rule(s) flagged", table);
        Assert.Contains(table, line => line.Contains("broken-condition (", StringComparison.Ordinal) && line.EndsWith("condition-errors: condition errors on 6 of 6 matches", StringComparison.Ordinal));

        await using var status = CliProcess.Start(["status", "--server", workspace.Server]);
        Assert.Equal(0, await status.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("health    2 rule(s) flagged (eventreactor rules stats)", status.Stdout);

        await using var check = CliProcess.Start(["rules", "check", workspace.RulesPath, "--live", "--server", workspace.Server]);
        Assert.Equal(0, await check.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var file = Path.Combine(workspace.RulesPath, "health.yaml");
        Assert.Contains(check.Stdout, line => line.StartsWith(file + ":", StringComparison.Ordinal) && line.Contains("warning: rule 'forgotten' never-matched: no event matched its tags", StringComparison.Ordinal));
        Assert.Contains(check.Stdout, line => line.Contains("warning: rule 'broken-condition' condition-errors", StringComparison.Ordinal));
        Assert.Equal("ok: 3 rules in 1 file", check.Stdout.Last());
    }

    [Fact]
    public async Task RulesStats_BadWindow_FailsSayingWhatAWindowLooksLike()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("health.yaml", "rules:\n  - name: any\n    on: x/y\n    do:\n      - log: { message: hi }\n");
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", waitForDocker: false);

        await using var stats = CliProcess.Start(["rules", "stats", "--since", "a week", "--server", workspace.Server]);

        Assert.Equal(1, await stats.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("since 'a week' must be a duration such as 24h, 7d or 1h30m", stats.Output, StringComparison.Ordinal);
    }
}
