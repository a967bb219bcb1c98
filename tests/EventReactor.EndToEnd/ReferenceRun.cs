using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventReactor.EndToEnd;

/// <summary>
/// The physical reference: plain RabbitMQ.Client publishing persistent messages of the events' size with publisher
/// confirms to a durable queue, and consuming them with acks, nothing else. Returns messages per second from the
/// first publish until the last message is consumed, and the client's CPU per message.
/// </summary>
internal static class ReferenceRun
{
    private const string QueueName = "bench.reference";

    // Confirms in flight at once; the outbox's drainer keeps Lanes publishes in flight per minion.
    private const int Window = 256;

    public static async Task<ReferenceResult> RunAsync(BenchSettings settings, int count, int size)
    {
        await using var connection = await BrokerConnections.OpenAsync(settings, "bench-reference");
        var confirms = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var publisher = await connection.CreateChannelAsync(confirms);
        await publisher.QueueDeclareAsync(QueueName, durable: true, exclusive: false, autoDelete: false);
        await publisher.QueuePurgeAsync(QueueName);

        await using var consumerChannel = await connection.CreateChannelAsync();
        await consumerChannel.BasicQosAsync(0, 64, false);
        var consumed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref consumed) == count)
            {
                done.TrySetResult();
            }
        };
        await consumerChannel.BasicConsumeAsync(QueueName, autoAck: false, consumer);

        var body = new byte[size];
        Array.Fill(body, (byte)'x');
        var properties = new BasicProperties { Persistent = true, ContentType = "application/cloudevents+json" };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var brokerCpu = BrokerCpu.Read();
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(Window);
        for (var i = 0; i < count; i++)
        {
            inFlight.Add(publisher.BasicPublishAsync(string.Empty, QueueName, mandatory: false, properties, body).AsTask());
            if (inFlight.Count == Window)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count;
        var brokerCpuPerMessage = (BrokerCpu.Read() - brokerCpu).TotalMicroseconds / count;
        await publisher.QueueDeleteAsync(QueueName);
        return new ReferenceResult(count / elapsed, cpuPerMessage, brokerCpuPerMessage);
    }
}
