using EventReactor.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Commands;

/// <summary>Takes commands from this minion's own queue; one meant for another minion is refused, not run.</summary>
internal sealed class MinionCommandConsumer(CommandDispatcher dispatcher, IOptions<MinionOptions> options) : IConsumer<MinionCommand>
{
    public Task Consume(ConsumeContext<MinionCommand> context) =>
        context.Message.Minion == options.Value.Id
            ? dispatcher.DispatchAsync(context.Message, context.CancellationToken)
            : throw new InvalidOperationException($"command {context.Message.Jid} is for minion '{context.Message.Minion}', not '{options.Value.Id}'");
}
