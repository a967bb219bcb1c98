namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Starts <c>eventreactor minion</c> against the private broker and engine, as an operator would.</summary>
internal static class ChaosMinion
{
    public static async Task<CliProcess> StartAsync(string minionId, string dataPath)
    {
        // Short backoff caps keep reconnects within the tests' time budget.
        var environment = new Dictionary<string, string>
        {
            ["EVENTREACTOR__Minion__ReconnectMaxDelay"] = "00:00:01",
            ["EVENTREACTOR__Minion__Outbox__RetryMaxDelay"] = "00:00:01",
        };
        var minion = CliProcess.Start(["minion", "--id", minionId, "--bus", ChaosServices.RabbitMqUrl, "--docker", ChaosServices.DockerEndpoint, "--data", dataPath], environment);
        await minion.WaitForLineAsync(l => l.Contains("Watching Docker engine", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the minion watching Docker");
        return minion;
    }
}
