using System.CommandLine;
using System.Globalization;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;
using EventReactor.Core.Time;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor keys</c>: list minion keys, accept, reject or delete one, and make enrollment tokens (after <c>salt-key</c>).</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var list = new Command("list", "List minion keys and their state: pending, accepted, rejected, denied") { json, server };
        list.SetAction((parse, cancellationToken) => StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.KeysAsync(token), parse.GetValue(json), keys =>
            TableWriter.Write(
                ["MINION", "STATE", "FINGERPRINT", "ENROLLED"],
                keys.Select(k => (IReadOnlyList<string>)[k.Minion, k.State.ToWire(), k.Fingerprint[..16], k.EnrolledAt.ToString("u", CultureInfo.InvariantCulture)])), cancellationToken));
        return new Command("keys", "Minion keys: until its key is accepted, a minion is sent no commands and its events are not acted on")
        {
            list,
            Change("accept", "Accept a minion's pending or rejected key", (client, id, token) => client.AcceptKeyAsync(id, token), "accepted"),
            Change("reject", "Reject a minion's pending or accepted key", (client, id, token) => client.RejectKeyAsync(id, token), "rejected"),
            Change("delete", "Forget every key of a minion id, so that it can enroll again", (client, id, token) => client.DeleteKeyAsync(id, token), "deleted"),
            new Command("token", "Enrollment tokens") { CreateToken() },
        };
    }

    private static Command Change(string name, string description, Func<ReactorClient, string, CancellationToken, Task> change, string done)
    {
        var minion = new Argument<string>("ID") { Description = "The minion id" };
        var server = CommonOptions.Server();
        var command = new Command(name, description) { minion, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(minion)!;
            using var client = new ReactorClient(parse.GetValue(server)!);
            try
            {
                await change(client, id, cancellationToken);
                Console.WriteLine($"{id}: {done}");
                return CliApplication.Ok;
            }
            catch (ReactorClientException ex)
            {
                await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
                return CliApplication.Failure;
            }
        });
        return command;
    }

    private static Command CreateToken()
    {
        var ttl = new Option<TimeSpan>("--ttl")
        {
            Description = "How long it stays usable: a number with s, m, h or d (default 1h)",
            DefaultValueFactory = _ => TimeSpan.FromHours(1),
            CustomParser = result => ShortDuration.Parse(result.Tokens.Single().Value) ?? Fail(result),
        };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("create", "Make a single-use token that enrolls one minion with its key accepted (Minion:EnrollmentToken)") { ttl, json, server };
        command.SetAction((parse, cancellationToken) => StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.CreateEnrollmentTokenAsync(parse.GetValue(ttl), token), parse.GetValue(json), created =>
        {
            Console.WriteLine(created.Token);
            Console.Error.WriteLine($"single use, expires {created.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}; shown only now");
        }, cancellationToken));
        return command;
    }

    private static TimeSpan Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--ttl '{result.Tokens.Single().Value}' must be a whole number followed by s, m, h or d, such as 1h");
        return default;
    }
}
