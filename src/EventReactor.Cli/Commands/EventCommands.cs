using System.CommandLine;
using System.Text.Json;
using EventReactor.Cli.Client;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor event send</c> and <c>eventreactor events watch</c>.</summary>
internal static class EventCommands
{
    public static Command CreateEvent()
    {
        var tag = new Argument<string>("TAG") { Description = "The event's tag, e.g. ci/build/finished" };
        var json = new Argument<string?>("JSON") { Description = "The event's data, a JSON object (default: {})", Arity = ArgumentArity.ZeroOrOne };
        var server = CommonOptions.Server();
        var send = new Command("send", "Publish an event through the reactor's HTTP API") { tag, json, server };
        send.SetAction(async (parse, cancellationToken) =>
        {
            JsonElement data;
            try
            {
                data = JsonDocument.Parse(parse.GetValue(json) ?? "{}").RootElement.Clone();
            }
            catch (JsonException ex)
            {
                await Console.Error.WriteLineAsync($"eventreactor: JSON is not valid: {ex.Message}");
                return CliApplication.Usage;
            }

            if (data.ValueKind != JsonValueKind.Object)
            {
                await Console.Error.WriteLineAsync("eventreactor: JSON must be an object, e.g. '{\"exitCode\": 3}'");
                return CliApplication.Usage;
            }

            return await WithClientAsync(parse.GetValue(server)!, async client =>
            {
                var answer = await client.PublishAsync(new PublishEventRequest(parse.GetValue(tag)!, data), cancellationToken);
                Console.WriteLine(answer.Id);
                return CliApplication.Ok;
            });
        });
        return new Command("event", "Publish events") { send };
    }

    public static Command CreateEvents()
    {
        var tag = new Option<string?>("--tag") { Description = "Only events whose tag matches this glob" };
        var count = new Option<int?>("--count") { Description = "Exit 0 after this many events" };
        var timeout = new Option<double?>("--timeout") { Description = "Exit 1 if the events have not arrived within this many seconds" };
        var json = new Option<bool>("--json") { Description = "One event per line as CloudEvents JSON" };
        var server = CommonOptions.Server();
        var watch = new Command("watch", "Follow events on the bus as they happen") { tag, count, timeout, json, server };
        watch.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = parse.GetValue(count);
            var seconds = parse.GetValue(timeout);
            if (wanted is <= 0 || seconds is <= 0)
            {
                await Console.Error.WriteLineAsync("eventreactor: --count and --timeout must be positive");
                return CliApplication.Usage;
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (seconds is { } limit)
            {
                deadline.CancelAfter(TimeSpan.FromSeconds(limit));
            }

            var seen = 0;
            var result = await WithClientAsync(parse.GetValue(server)!, async client =>
            {
                var filter = parse.GetValue(tag);
                try
                {
                    var events = client.WatchAsync(filter, () => Console.Error.WriteLineAsync($"watching {filter ?? "all events"} on {client.Server}"), deadline.Token);
                    await foreach (var data in events)
                    {
                        Print(data, parse.GetValue(json));
                        if (++seen == wanted)
                        {
                            return CliApplication.Ok;
                        }
                    }

                    await Console.Error.WriteLineAsync("eventreactor: the reactor closed the stream");
                    return CliApplication.Failure;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await Console.Error.WriteLineAsync($"eventreactor: timed out after {seconds}s with {seen} of {wanted?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"} events");
                    return CliApplication.Failure;
                }
            });
            return result;
        });
        return new Command("events", "Follow events") { watch };
    }

    private static void Print(string data, bool json)
    {
        if (json)
        {
            Console.WriteLine(data);
            return;
        }

        var envelope = CloudEventJson.Deserialize(data);
        Console.WriteLine($"{envelope.Time.ToLocalTime():HH:mm:ss.fff}  {envelope.Tag}  {envelope.Data.GetRawText()}");
    }

    private static async Task<int> WithClientAsync(string server, Func<ReactorClient, Task<int>> run)
    {
        using var client = new ReactorClient(server);
        try
        {
            return await run(client);
        }
        catch (ReactorClientException ex)
        {
            await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
            return CliApplication.Failure;
        }
    }
}
