package org.transferportal.presets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.transferportal.transfer.TransferForm;

/**
 * The lab's presets in the database, shared by every portal instance.
 */
@Repository
class PresetStore {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	PresetStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every preset, by name. */
	List<Preset> all() {
		return this.jdbc.sql("select * from transfer_preset order by name_key").query(this::map).list();
	}

	Optional<Preset> find(String id) {
		return this.jdbc.sql("select * from transfer_preset where id = ?").param(id).query(this::map).optional();
	}

	/**
	 * Saves a new preset; a name already taken (ignoring case) fails with
	 * {@link org.springframework.dao.DuplicateKeyException}.
	 */
	Preset create(String name, String description, TransferForm form, String admin) {
		return create(name, description, form, admin, null);
	}

	/**
	 * Like {@link #create(String, String, TransferForm, String)}, maybe as a schedule
	 * template.
	 */
	Preset create(String name, String description, TransferForm form, String admin, Integer scheduleIntervalHours) {
		String id = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("""
					insert into transfer_preset (id, name, name_key, description, form_json, version, created_by,
					  created_at, updated_by, updated_at, schedule_interval_hours) values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)""")
			.params(id, name, key(name), description, this.json.writeValueAsString(form), admin, now, admin, now,
					scheduleIntervalHours)
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Saves an edit made from {@code version}; answers {@code false} when someone saved
	 * or deleted the preset meanwhile. A name already taken fails as in {@link #create}.
	 */
	boolean update(String id, int version, String name, String description, TransferForm form, String admin) {
		return update(id, version, name, description, form, admin, null);
	}

	/**
	 * Like {@link #update(String, int, String, String, TransferForm, String)}, with its
	 * template hours.
	 */
	boolean update(String id, int version, String name, String description, TransferForm form, String admin,
			Integer scheduleIntervalHours) {
		return this.jdbc.sql("""
				update transfer_preset set name = ?, name_key = ?, description = ?, form_json = ?,
				  version = version + 1, updated_by = ?, updated_at = ?, schedule_interval_hours = ?
				  where id = ? and version = ?""")
			.params(name, key(name), description, this.json.writeValueAsString(form), admin,
					Timestamp.from(this.clock.instant()), scheduleIntervalHours, id, version)
			.update() == 1;
	}

	boolean delete(String id) {
		return this.jdbc.sql("delete from transfer_preset where id = ?").param(id).update() == 1;
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private Preset map(ResultSet rs, int row) throws SQLException {
		return new Preset(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				this.json.readValue(rs.getString("form_json"), TransferForm.class), rs.getInt("version"),
				rs.getString("created_by"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(),
				rs.getObject("schedule_interval_hours", Integer.class));
	}

}
