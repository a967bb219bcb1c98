using System.Net.Http.Json;
using System.Text;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests;

/// <summary>A reactor whose state is in PostgreSQL (<c>--state postgres://...</c>), end to end over the real broker.</summary>
[Collection(ServicesCollection.Name)]
public sealed class PostgresStateTests
{
    [Fact]
    public async Task Reactor_StateOnPostgresAndEventDeliveredTwice_ActsOnceAuditsBothInPostgres()
    {
        using var workspace = new TestWorkspace();
        var id = workspace.Id;
        await using var vhost = await RabbitVirtualHost.CreateAsync($"pg-{id}");
        await using var database = await TestPostgresDatabase.CreateAsync(id);
        workspace.WithRules("once.yaml", $$$"""
            rules:
              - name: once
                on: pg/{{{id}}}/in
                do:
                  - event.fire: { tag: "pg/{{{id}}}/out" }
            """);
        var original = EventEnvelope.Create($"pg/{id}/in", "/test");
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url, "--state", database.Url]);
        await Reactors.WaitReadyAsync(reactor, workspace.Server);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, $"pg/{id}/*");

        await PublishRawAsync(vhost.Name, original);
        await PublishRawAsync(vhost.Name, original);

        await stream.WaitForAsync(e => e.Tag == $"pg/{id}/out", TimeSpan.FromSeconds(15), "the reaction");
        var audit = await WaitForEvaluationsAsync(workspace.Server, original.Id, 2);
        Assert.Equal([ActionStatus.Done, ActionStatus.Duplicate], audit.Evaluations.Select(e => Assert.Single(e.Actions).Status).Order());
        Assert.Single(stream.Events, e => e.Tag == $"pg/{id}/out");
        Assert.Equal([["once", "0", "done"]], await database.QueryAsync($"SELECT rule, action_index, status FROM reactions WHERE event_id = '{original.Id}'"));
        Assert.Equal([["2"]], await database.QueryAsync($"SELECT count(*) FROM audit WHERE event_id = '{original.Id}'"));
        Assert.False(File.Exists(Path.Combine(workspace.DataPath, "reactor.db")), "the state went to SQLite in the data folder");
    }

    private static async Task<EventAudit> WaitForEvaluationsAsync(string server, string eventId, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            using var response = await http.GetAsync($"/api/audit?event={eventId}");
            var audit = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<EventAudit>() : null;
            if (audit is not null && audit.Evaluations.Count >= count)
            {
                return audit;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the audit of {eventId} did not show {count} evaluations within 15 s (it has {audit?.Evaluations.Count ?? 0})");
            await Task.Delay(200);
        }
    }

    // A redelivery on the wire: the same CloudEvent, same id, published again by a plain AMQP client.
    private static async Task PublishRawAsync(string vhost, EventEnvelope envelope)
    {
        var factory = new ConnectionFactory { HostName = "localhost", VirtualHost = vhost, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true, MessageId = envelope.Id };
        await channel.BasicPublishAsync("eventreactor.events", string.Empty, true, properties, Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope)));
    }
}
