package io.pulsehub.profile.read;

import java.util.List;

import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.StoreUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.ErrorResponseException;

/**
 * Loads the most recently updated users (by the {@code updatedAt} index of MongoDB) into
 * L1 once the application is ready, in the background so start-up does not wait; each is
 * read from Redis first, as a request would.
 */
class ProfilePrewarmer implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(ProfilePrewarmer.class);

	private final ProfileDocumentStore documents;

	private final ProfileReader reader;

	private final int size;

	ProfilePrewarmer(ProfileDocumentStore documents, ProfileReader reader, int size) {
		this.documents = documents;
		this.reader = reader;
		this.size = size;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.size > 0) {
			Thread.ofVirtual().name("profile-prewarm").start(this::prewarm);
		}
	}

	int prewarm() {
		int loaded = 0;
		try {
			List<String> users = this.documents.recentlyUpdated(this.size);
			for (String userId : users) {
				if (this.reader.load(userId).isPresent()) {
					loaded++;
				}
			}
			logger.info("Prewarmed " + loaded + " of the " + users.size() + " most recently updated profiles");
		}
		catch (StoreUnavailableException | ErrorResponseException ex) {
			logger.warn("Prewarming stopped after " + loaded + " profiles: " + ex.getMessage());
		}
		return loaded;
	}

}
