namespace MhEmployment.Web.Infrastructure;

/// <summary>A setting is missing or wrong; the message tells the operator which and how to fix it.</summary>
public sealed class ConfigurationProblemException(string message) : Exception(message);
