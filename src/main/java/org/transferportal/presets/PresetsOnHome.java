package org.transferportal.presets;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import org.transferportal.collections.CollectionNames;
import org.transferportal.web.HomeContent;

/**
 * The lab's presets on the home page, with their collections by name.
 */
@Component
class PresetsOnHome implements HomeContent.Presets {

	private final PresetService presets;

	private final CollectionNames names;

	PresetsOnHome(PresetService presets, CollectionNames names) {
		this.presets = presets;
		this.names = names;
	}

	@Override
	public List<HomeContent.PresetLink> presets() {
		List<Preset> all = this.presets.all();
		Map<String, String> names = this.names.of(all.stream()
			.flatMap((p) -> Stream.of(p.form().sourceCollection(), p.form().destinationCollection()))
			.toList());
		return all.stream()
			.map((p) -> new HomeContent.PresetLink(p.id(), p.name(), p.description(), p.form().sourceCollection(),
					names.get(p.form().sourceCollection()), p.form().destinationCollection(),
					names.get(p.form().destinationCollection())))
			.toList();
	}

}
