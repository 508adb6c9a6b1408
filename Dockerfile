# Build: the SDK image restores and publishes; only the published app goes into the runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The platform being built for (amd64, arm64): the app is published compiled ahead of time for it (ReadyToRun),
# so the import command starts about a second sooner and the server answers its first requests without JIT pauses.
ARG TARGETARCH
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/MhEmployment.Web/MhEmployment.Web.csproj src/MhEmployment.Web/
RUN dotnet restore src/MhEmployment.Web/MhEmployment.Web.csproj -a $TARGETARCH -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/MhEmployment.Web/MhEmployment.Web.csproj -c Release -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl serves the container health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The first-run Admin password file is written here, readable only by the app's account. The imports folder exists
# owned by it, so that a named volume mounted there (docker-compose.yml) starts with that owner.
RUN mkdir -p /app/App_Data/imports && chown -R $APP_UID /app/App_Data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The base image's unprivileged 'app' user (uid 1654).
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "MhEmployment.Web.dll"]
