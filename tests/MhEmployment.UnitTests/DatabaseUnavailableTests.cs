using System.Net.Sockets;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MhEmployment.UnitTests;

public sealed class DatabaseUnavailableTests
{
    private static readonly NpgsqlException Refused = new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void AConnectionThatCannotBeMadeOrBrokeOff_IsAnOutage_HoweverWrapped()
    {
        DatabaseUnavailable.IsOutage(Refused).Should().BeTrue();
        DatabaseUnavailable.IsOutage(new RetryLimitExceededException("Retried 3 times", Refused)).Should().BeTrue();
        DatabaseUnavailable.IsOutage(new InvalidOperationException("A transient failure", Refused)).Should().BeTrue();
        DatabaseUnavailable.IsOutage(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())).Should().BeTrue();
        DatabaseUnavailable.IsOutage(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown))
            .Should().BeTrue();
    }

    [Fact]
    public void ErrorsInTheAppOrItsData_AreNotOutages()
    {
        DatabaseUnavailable.IsOutage(new InvalidOperationException("Sequence contains no elements")).Should().BeFalse();
        DatabaseUnavailable.IsOutage(new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)).Should().BeFalse();
        DatabaseUnavailable.IsOutage(new NpgsqlException("The operation is not valid")).Should().BeFalse();
    }
}
