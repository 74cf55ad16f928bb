package cn.zhaoshang.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL as soon as the settings are known, on a thread of its own, while Spring builds the
 * application around it: the database's start-up (unpacking check, recovery, first connection) then overlaps with the
 * context's, instead of following it. The server's bean takes the started database (EmbeddedDatabaseConfiguration);
 * with a datasource URL configured nothing is started.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private record Started(Path directory, CompletableFuture<EmbeddedPostgresServer> server) {
    }

    private static volatile Started started;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        Path directory = pgDirectory(Binder.get(environment).bind("zhaoshang", ZhaoshangProperties.class)
                .orElseGet(() -> new ZhaoshangProperties(null, false)));
        CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(directory));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        started = new Started(directory, server);
    }

    static Path pgDirectory(ZhaoshangProperties properties) {
        return properties.dataDir().resolve("pg").toAbsolutePath().normalize();
    }

    /** The database started early for this directory, waiting for it to be ready; else one started now. */
    static EmbeddedPostgresServer take(Path directory) throws IOException {
        Started early = started;
        started = null;
        if (early == null || !early.directory().equals(directory)) {
            return EmbeddedPostgresServer.start(directory);
        }
        try {
            return early.server().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }
}
