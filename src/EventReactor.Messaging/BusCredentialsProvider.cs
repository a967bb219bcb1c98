using RabbitMQ.Client;

namespace EventReactor.Messaging;

/// <summary>Gives MassTransit's connections the process's current credential (<see cref="IBusIdentity"/>), else the URL's, each time it connects.</summary>
internal sealed class BusCredentialsProvider(BusAddress address, IBusIdentity? credentials) : ICredentialsProvider
{
    public string Name => "eventreactor";

    public Task<Credentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var current = address.WithCredential(credentials?.Current);
        return Task.FromResult(new Credentials(Name, current.Username, current.Password, null));
    }
}
