"""The Qt layer: shows the model and forwards the user's actions; all logic lives in `app/`."""
