package org.transferportal.collections;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.transferportal.globus.GlobusApiException;
import org.transferportal.support.SlowDownException;

/**
 * The collection search the transfer form's script runs in place (JSON); without
 * JavaScript the form's own search round trip does the same.
 */
@Controller
class CollectionSearchController {

	private final FormPickers pickers;

	CollectionSearchController(FormPickers pickers) {
		this.pickers = pickers;
	}

	@GetMapping(path = "/collections/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> search(@RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "all") String scope) {
		try {
			List<FormPickers.Option> found = this.pickers.search(q, scope);
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("results", found));
		}
		catch (SlowDownException ex) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", String.valueOf(Math.max(1, ex.waitFor().toSeconds())))
				.body(Map.of("message", "Slow down: you have searched many times in the last minute. Search again in "
						+ Math.max(1, ex.waitFor().toSeconds()) + " seconds."));
		}
		catch (GlobusApiException ex) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
				.body(Map.of("message", "Globus could not search for collections just now: " + ex.getMessage()));
		}
	}

}
