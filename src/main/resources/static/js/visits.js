// The visit entry form: pick a suggested enterprise (name and credit code), and follow the chosen team's home region.
(function () {
  'use strict';

  document.addEventListener('click', function (event) {
    var pick = event.target.closest('.suggestion');
    if (!pick) {
      return;
    }
    var name = document.getElementById('enterprise');
    var code = document.getElementById('creditCode');
    name.value = pick.getAttribute('data-name') || '';
    if (code) {
      code.value = pick.getAttribute('data-code') || '';
    }
    document.getElementById('suggestions').innerHTML = '';
    var next = document.getElementById('discussion');
    if (next) {
      next.focus();
    }
  });

  // a team typed or chosen from the list brings its region and (when there is one) its first target city
  document.addEventListener('change', function (event) {
    if (event.target.id !== 'team') {
      return;
    }
    var value = event.target.value;
    var options = document.querySelectorAll('#team-list option');
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === value) {
        var region = document.getElementById('region');
        if (region && options[i].getAttribute('data-region')) {
          region.value = options[i].getAttribute('data-region');
        }
        var city = document.getElementById('city');
        var cities = (options[i].getAttribute('data-cities') || '').split('、');
        if (city && !city.value && cities[0]) {
          city.value = cities[0];
        }
        return;
      }
    }
  });

  // Escape closes the suggestions
  document.addEventListener('keydown', function (event) {
    var box = document.getElementById('suggestions');
    if (event.key === 'Escape' && box) {
      box.innerHTML = '';
    }
  });
})();
