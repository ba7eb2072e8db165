package org.transferportal.schedules;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The schedules pages: the list, a schedule's page with its runs, and pause, resume,
 * rename and delete, each confirmed on a page of its own and done by a post.
 */
@Controller
class ScheduleController {

	/** What each confirmed action is called on its page and in its message. */
	private enum Action {

		PAUSE("Pause", "It will not run until you resume it.", "The schedule is paused."),
		RESUME("Resume", "It runs again on its schedule; a run it missed while paused runs at once.",
				"The schedule is running again."),
		DELETE("Delete", "Globus Timers removes it for good; the transfers it made stay as they are.",
				"The schedule was deleted.");

		final String verb;

		final String consequence;

		final String done;

		Action(String verb, String consequence, String done) {
			this.verb = verb;
			this.consequence = consequence;
			this.done = done;
		}

		static Action of(String name) {
			for (Action action : values()) {
				if (action.name().equalsIgnoreCase(name)) {
					return action;
				}
			}
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such page");
		}

	}

	private final ScheduleService service;

	ScheduleController(ScheduleService service) {
		this.service = service;
	}

	@GetMapping("/schedules")
	String list(Model model) {
		model.addAttribute("listing", this.service.list());
		return "schedules/list";
	}

	/**
	 * Why the portal cannot list the user's schedules yet, with the button that fixes it
	 * (the pages come here when Timers cannot be reached as the user).
	 */
	@GetMapping("/schedules/connect")
	String connectPage(@RequestParam(defaultValue = "false") boolean refused, Model model) {
		model.addAttribute("refused", refused);
		return "schedules/connect";
	}

	/** The trip that gets the portal a Timers token, back to the list. */
	@PostMapping("/schedules/connect")
	String connect() {
		return "redirect:" + this.service.connect();
	}

	@GetMapping("/schedules/{id}")
	String detail(@PathVariable String id, @RequestParam(required = false) String notice,
			@RequestParam(required = false) String consent, Model model) {
		model.addAttribute("schedule", this.service.detail(id));
		model.addAttribute("notice", notice(notice, consent));
		return "schedules/detail";
	}

	@GetMapping("/schedules/{id}/{action:pause|resume|delete}")
	String confirm(@PathVariable String id, @PathVariable String action, Model model) {
		Action chosen = Action.of(action);
		model.addAttribute("id", id);
		model.addAttribute("name", this.service.name(id));
		model.addAttribute("action", chosen.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("verb", chosen.verb);
		model.addAttribute("consequence", chosen.consequence);
		return "schedules/confirm";
	}

	@PostMapping("/schedules/{id}/{action:pause|resume|delete}")
	String act(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
		Action chosen = Action.of(action);
		switch (chosen) {
			case PAUSE -> this.service.pause(id);
			case RESUME -> this.service.resume(id);
			case DELETE -> this.service.delete(id);
		}
		redirect.addFlashAttribute("message", chosen.done);
		return "redirect:" + ((chosen == Action.DELETE) ? "/schedules" : ScheduleService.path(id));
	}

	@GetMapping("/schedules/{id}/rename")
	String renameForm(@PathVariable String id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("name", this.service.name(id));
		return "schedules/rename";
	}

	@PostMapping("/schedules/{id}/rename")
	String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String problem = this.service.rename(id, name);
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("id", id);
			model.addAttribute("name", name);
			model.addAttribute("problem", problem);
			return "schedules/rename";
		}
		redirect.addFlashAttribute("message", "The schedule was renamed.");
		return "redirect:" + ScheduleService.path(id);
	}

	/** "Fix and resume": to Globus Auth for what Timers asked, or back resumed. */
	@PostMapping("/schedules/{id}/fix")
	String fix(@PathVariable String id) {
		return "redirect:" + this.service.fix(id);
	}

	/**
	 * "Schedule this" on a finished task's page: its request in the form, to schedule.
	 */
	@PostMapping("/schedules/from-task/{taskId}")
	String fromTask(@PathVariable String taskId) {
		return "redirect:" + this.service.fromTask(taskId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"The portal has no record of how this task was requested (it was not submitted through this "
							+ "portal by you), so it cannot be scheduled from here. Fill in the transfer form instead."));
	}

	/**
	 * A login never brings a Timers token, so a page that needs one sends the user to the
	 * page that offers the trip for it (a plain login would come back to the same want).
	 */
	@ExceptionHandler(TimersNotConnectedException.class)
	String notConnected(TimersNotConnectedException ex) {
		return "redirect:/schedules/connect" + (ex.refused() ? "?refused=true" : "");
	}

	private static String notice(String notice, String consent) {
		if ("access_denied".equals(consent)) {
			return "You declined at Globus, so the schedule stays stopped. Press Fix and resume when you are ready.";
		}
		if (consent != null) {
			return "The trip to Globus Auth did not complete, so the schedule stays stopped. Try Fix and resume again.";
		}
		if ("fixed".equals(notice)) {
			return "Fixed: the schedule runs again with your new consent; a run it missed runs now.";
		}
		if ("resume-failed".equals(notice)) {
			return "Your consent is in place, but Globus Timers could not resume the schedule just now. "
					+ "Press Fix and resume again.";
		}
		return null;
	}

}
