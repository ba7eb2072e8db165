package org.transferportal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Test support: one real PostgreSQL for the whole test JVM, from Maven artifacts (no
 * machine service), handing each test class a database of its own.
 */
public final class SharedPostgres {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static EmbeddedPostgres server;

	private SharedPostgres() {
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// The JVM is ending; nothing to tell.
				}
			}));
		}
		return server;
	}

	/** A new, empty database; returns its JDBC URL (user and password: postgres). */
	public static String newDatabase() {
		String name = "portal_" + COUNTER.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
	}

	public static String username() {
		return "postgres";
	}

	public static String password() {
		return "postgres";
	}

}
